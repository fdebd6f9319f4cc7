/**
 * The vision-language model: a Kimi-VL-style mixture-of-experts VLM built as ONNX and run on ONNX
 * Runtime.
 *
 * <ul>
 *   <li>{@link dev.deskpilot.vlm.ModelConfig}: the model's shape, with Kimi-VL's field names; bundled
 *       {@code miniature}, {@code kimi-vl-tiny} and {@code kimi-vl-a3b}.
 *   <li>{@link dev.deskpilot.vlm.ModelInit}, {@link dev.deskpilot.vlm.Converter}: model directories
 *       from random weights or from a Hugging Face Kimi-VL checkpoint ({@code model.json},
 *       {@code model.safetensors}, {@code vision.onnx}, {@code embedding.onnx}, {@code decoder.onnx}).
 *   <li>{@link dev.deskpilot.vlm.OnnxModel}, {@link dev.deskpilot.vlm.Sequence},
 *       {@link dev.deskpilot.vlm.Generator}: running it, with a KV cache, sampling, stop tokens, a
 *       {@link dev.deskpilot.vlm.LogitsProcessor} hook and pointing.
 *   <li>{@link dev.deskpilot.vlm.PromptBuilder}, {@link dev.deskpilot.vlm.ImageProcessor}: inputs in
 *       Kimi-VL's chat template, with the optional OCR stream; {@link dev.deskpilot.vlm.OcrStream}:
 *       which words read on a screenshot enter that stream.
 *   <li>{@link dev.deskpilot.vlm.Tokenizers#forModel}: a model directory's tokenizer, the
 *       {@link dev.deskpilot.vlm.ByteTokenizer} of the miniature or the
 *       {@link dev.deskpilot.vlm.TiktokenTokenizer} reading Kimi-VL's {@code tiktoken.model}.
 *   <li>{@link dev.deskpilot.vlm.ModelInfo}, {@link dev.deskpilot.vlm.ModelBench}: numbers.
 * </ul>
 *
 * Internals: {@code weights} (safetensors, tensor names, layout, int4), {@code reference} (the
 * plain-Java forward the graphs are tested against), {@code onnx} (the graph builder).
 */
package dev.deskpilot.vlm;
