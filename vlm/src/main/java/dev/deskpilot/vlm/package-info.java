/** The vision-language model: configuration, ONNX graphs, runtime, tokenizer and generation. */
package dev.deskpilot.vlm;
