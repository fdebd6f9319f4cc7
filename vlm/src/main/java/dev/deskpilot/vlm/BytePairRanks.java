package dev.deskpilot.vlm;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The mergeable ranks of a {@code tiktoken.model}: every token's bytes with its rank, which is
 * both its id and its merge priority (lower merges first). Splits a piece of text into tokens by
 * tiktoken's byte-pair merge.
 */
final class BytePairRanks {
    private final byte[][] tokens; // by rank
    private final Map<ByteBuffer, Integer> ranks; // keys compare by content; see rank(...)

    private BytePairRanks(byte[][] tokens, Map<ByteBuffer, Integer> ranks) {
        this.tokens = tokens;
        this.ranks = ranks;
    }

    /**
     * Reads a {@code tiktoken.model}: one token per line, the base64 of its bytes, a space, its rank.
     * Ranks must run 0..N-1 without gaps or repeats (in any line order), because special tokens are
     * numbered from N on; every single byte must be a token, so that any text encodes. Blank lines
     * are skipped, as tiktoken does. Errors name the file and, where there is one, the line.
     */
    static BytePairRanks read(Path file) {
        Map<ByteBuffer, Integer> ranks = new HashMap<>();
        Map<Integer, Integer> lineOfRank = new HashMap<>();
        int highest = -1;
        int highestLine = 0;
        // Latin-1 maps every byte to a char, so a stray non-ASCII byte fails base64 on its own line.
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.strip().split("\\s+");
                if (fields.length != 2) {
                    throw lineError(
                            file,
                            number,
                            fields.length == 1
                                    ? "no rank after the token (expected 'BASE64 RANK')"
                                    : fields.length + " fields (expected 'BASE64 RANK')");
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(fields[0]);
                } catch (IllegalArgumentException e) {
                    throw lineError(file, number, "'" + fields[0] + "' is not base64 (" + e.getMessage() + ")");
                }
                int rank;
                try {
                    rank = Integer.parseInt(fields[1]);
                } catch (NumberFormatException e) {
                    throw lineError(file, number, "rank '" + fields[1] + "' is not a whole number");
                }
                if (rank < 0) {
                    throw lineError(file, number, "rank " + rank + " is negative");
                }
                Integer earlier = lineOfRank.putIfAbsent(rank, number);
                if (earlier != null) {
                    throw lineError(file, number, "rank " + rank + " repeats line " + earlier);
                }
                ByteBuffer key = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
                Integer sameBytes = ranks.putIfAbsent(key, rank);
                if (sameBytes != null) {
                    throw lineError(
                            file, number, "the token " + fields[0] + " repeats line " + lineOfRank.get(sameBytes));
                }
                if (rank > highest) {
                    highest = rank;
                    highestLine = number;
                }
            }
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "missing");
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e.getMessage(), e);
        }
        if (ranks.isEmpty()) {
            throw new ModelFileException(file, "has no tokens");
        }
        // Distinct ranks that are all below the count are exactly 0..N-1.
        int count = ranks.size();
        if (highest >= count) {
            throw lineError(
                    file,
                    highestLine,
                    "rank " + highest + ", but the file has " + count + " tokens: ranks must run 0.." + (count - 1)
                            + " without gaps");
        }
        byte[][] tokens = new byte[count][];
        ranks.forEach((key, rank) -> tokens[rank] = bytesOf(key));
        for (int b = 0; b < 256; b++) {
            if (!ranks.containsKey(ByteBuffer.wrap(new byte[] {(byte) b}))) {
                throw new ModelFileException(
                        file, String.format("lacks the single byte 0x%02x as a token, so not every text encodes", b));
            }
        }
        return new BytePairRanks(tokens, ranks);
    }

    private static ModelFileException lineError(Path file, int line, String problem) {
        return new ModelFileException(file, "line " + line + ": " + problem);
    }

    private static byte[] bytesOf(ByteBuffer key) {
        byte[] out = new byte[key.remaining()];
        key.duplicate().get(out);
        return out;
    }

    /** How many tokens there are; their ids are 0..size()-1. */
    int size() {
        return tokens.length;
    }

    /** The bytes of a token (not a copy: do not modify). */
    byte[] bytes(int rank) {
        return tokens[rank];
    }

    /** The rank of {@code piece[from, to)}, or -1 if those bytes are not a token. */
    private int rank(byte[] piece, int from, int to) {
        // ByteBuffer's equals and hashCode read the remaining bytes, so a view looks up without a copy.
        Integer rank = ranks.get(ByteBuffer.wrap(piece, from, to - from));
        return rank == null ? -1 : rank;
    }

    /**
     * The tokens of one pre-tokenised piece, as tiktoken makes them: a piece that is itself a token
     * is that token; otherwise start from single bytes and repeatedly merge the adjacent pair whose
     * concatenation has the lowest rank, the leftmost such pair on ties, until no adjacent pair is
     * a token.
     */
    int[] merge(byte[] piece) {
        int n = piece.length;
        int whole = rank(piece, 0, n);
        if (whole >= 0) {
            return new int[] {whole};
        }
        // Parts are runs of bytes, each named by the index of its first byte. end[i] is where part i
        // ends (the next part's start); prev[i] is the part before it, -1 for the first; gone[i]
        // marks a part merged into its left neighbour.
        int[] end = new int[n];
        int[] prev = new int[n];
        boolean[] gone = new boolean[n];
        for (int i = 0; i < n; i++) {
            end[i] = i + 1;
            prev[i] = i - 1;
        }
        // Candidate merges keyed rank * 2^32 + start, so the smallest key is the lowest rank, then
        // the leftmost. Entries go stale when a part grows; stale ones are recognised and skipped
        // when they come up (a pair's rank fixes its bytes, hence its extent).
        var candidates = new PriorityQueue<Long>();
        for (int i = 0; i + 1 < n; i++) {
            offerPair(piece, i, end, candidates);
        }
        while (!candidates.isEmpty()) {
            long key = candidates.poll();
            int rank = (int) (key >>> 32);
            int left = (int) key;
            if (gone[left] || end[left] == n || rank(piece, left, end[end[left]]) != rank) {
                continue;
            }
            int right = end[left];
            gone[right] = true;
            end[left] = end[right];
            if (end[left] < n) {
                prev[end[left]] = left;
            }
            if (prev[left] >= 0) {
                offerPair(piece, prev[left], end, candidates);
            }
            offerPair(piece, left, end, candidates);
        }
        int count = 0;
        for (int i = 0; i < n; i = end[i]) {
            count++;
        }
        int[] ids = new int[count];
        int k = 0;
        for (int i = 0; i < n; i = end[i]) {
            ids[k++] = rank(piece, i, end[i]);
        }
        return ids;
    }

    /** Queues the merge of part {@code left} with the part after it, if there is one and the pair is a token. */
    private void offerPair(byte[] piece, int left, int[] end, PriorityQueue<Long> candidates) {
        int right = end[left];
        if (right < piece.length) {
            int rank = rank(piece, left, end[right]);
            if (rank >= 0) {
                candidates.add(((long) rank << 32) | left);
            }
        }
    }
}
