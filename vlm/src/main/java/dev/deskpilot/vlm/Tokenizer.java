package dev.deskpilot.vlm;

/** Text to token ids and back, with the special tokens of the chat template. */
public interface Tokenizer {
    /** Ids for plain text; special-token spellings in it are ordinary text. */
    int[] encode(String text);

    /** Text for ids; special tokens appear as their spelling, e.g. {@code <|im_end|>}. */
    String decode(int[] ids);

    /** The id of a special token such as {@code <|im_end|>}. */
    int special(String token);

    /** Whether an id is a special token. */
    boolean isSpecial(int id);

    int vocabSize();
}
