package dev.kmslab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlobAadContextCodecTest {

    @Test
    void abC_and_aBc_encodeDifferently() {
        assertThat(BlobAadContextCodec.encode(Map.of("ab", "c")))
                .isNotEqualTo(BlobAadContextCodec.encode(Map.of("a", "bc")));
    }

    @Test
    void pairsAreSortedByKey_soInsertionOrderDoesNotMatter() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("b", "2");
        one.put("a", "1");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("a", "1");
        other.put("b", "2");

        assertThat(BlobAadContextCodec.encode(one)).isEqualTo(BlobAadContextCodec.encode(other));
    }

    @Test
    void layout_isCountThenLengthPrefixedUtf8Pairs() {
        assertThat(HexFormat.of().formatHex(BlobAadContextCodec.encode(Map.of("k", "é"))))
                .isEqualTo("00000001" + "00000001" + "6b" + "00000002" + "c3a9");
        assertThat(BlobAadContextCodec.encode(null)).containsExactly(0, 0, 0, 0);
        assertThat(BlobAadContextCodec.encode(Map.of())).containsExactly(0, 0, 0, 0);
    }

    /**
     * The encoder writes ASCII strings by hand; every string must still give exactly the bytes of the stored format
     * (count, then length-prefixed String.getBytes(UTF_8) of each key and value, keys in String order), including
     * multi-byte, supplementary and malformed (lone surrogate) text, or old ciphertexts would stop opening.
     */
    @Test
    void handWrittenAscii_givesTheSameBytesAsTheReferenceEncoding() {
        java.util.Map<String, String> context = new java.util.LinkedHashMap<>();
        context.put("tenant", "acme");
        context.put("Zoë", "naïve");
        context.put("emoji", "\uD83D\uDD11 key");
        context.put("lone", "x\uD800y");
        context.put("", "empty key");
        context.put("\u007f", "\u0080");
        assertThat(BlobAadContextCodec.encode(context)).isEqualTo(reference(context));
        for (int i = 0; i < 12; i++) { // past the small-context path
            context.put("k" + (11 - i), "v" + i);
        }
        assertThat(BlobAadContextCodec.encode(context)).isEqualTo(reference(context));
        assertThat(BlobAadContextCodec.encode(Map.of("a", "b"))).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 'a', 0, 0, 0,
                1, 'b');
    }

    private static byte[] reference(Map<String, String> context) {
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(expected);
        try {
            out.writeInt(context.size());
            for (String key : new java.util.TreeSet<>(context.keySet())) {
                for (String text : new String[] {key, context.get(key)}) {
                    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return expected.toByteArray();
    }

    /** The blob's one-piece AAD (header then context) is byte for byte the header followed by the plain encoding. */
    @Test
    void prefixedEncoding_isThePrefixFollowedByThePlainEncoding() {
        byte[] header = {1, 3, 'a', 'b', 'c', 0, 0, 0, 7, 99, 98};
        Map<String, String> large = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            large.put("key-" + i, "v\u00e9" + i);
        }
        for (Map<String, String> context : java.util.Arrays.<Map<String, String>>asList(null, Map.of(),
                Map.of("tenant", "acme", "purpose", "benchmark"), Map.of("k", "\u00e9", "\u4e2d", "x"), large)) {
            byte[] plain = BlobAadContextCodec.encode(context);
            byte[] expected = java.util.Arrays.copyOf(header, 9 + plain.length);
            System.arraycopy(plain, 0, expected, 9, plain.length);
            assertThat(BlobAadContextCodec.encode(header, 9, context)).as("context %s", context)
                    .containsExactly(expected);
        }
    }

    /**
     * The one-piece AAD and the two pieces used before authenticate the same bytes: a blob sealed now opens with the
     * AAD in two pieces, and a blob sealed with two pieces opens now.
     */
    @Test
    void oneAndTwoAadPieces_areInterchangeable() {
        AesKeyMaterial key = AesKeyMaterial.copyOf(new byte[32]);
        Map<String, String> context = Map.of("tenant", "acme", "purpose", "benchmark");
        byte[] plaintext = "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int headerLength = 2 + "key-1".length() + 4;
        int start = headerLength + AesGcm.IV_LENGTH;

        byte[] sealedNow = CiphertextBlob.seal("key-1", 2, key, new byte[AesGcm.IV_LENGTH], context, plaintext);
        assertThat(AesGcm.decrypt(key, sealedNow, headerLength, sealedNow, headerLength,
                BlobAadContextCodec.encode(context), sealedNow, start, sealedNow.length - start))
                .containsExactly(plaintext);

        byte[] sealedBefore = sealedNow.clone();
        sealedBefore[headerLength] = 1; // another IV: GCM refuses to encrypt twice under one key and IV
        AesGcm.encrypt(key, sealedBefore, headerLength, sealedBefore, headerLength,
                BlobAadContextCodec.encode(context), plaintext, sealedBefore, start);
        assertThat(CiphertextBlob.parse(sealedBefore).open(key, context)).containsExactly(plaintext);
        assertThat(java.util.Arrays.copyOfRange(sealedBefore, start, sealedBefore.length))
                .isNotEqualTo(java.util.Arrays.copyOfRange(sealedNow, start, sealedNow.length));
    }

    /**
     * The AAD a thread builds again is the array it built last only when the header bytes and the context pairs are
     * equal; any other header byte, key, value, extra or missing pair gives the exact encoding of what was asked.
     */
    @Test
    void rememberedAad_isReusedOnlyForTheSameHeaderAndPairs() {
        byte[] header = {1, 3, 'a', 'b', 'c', 0, 0, 0, 7};
        Map<String, String> context = new LinkedHashMap<>();
        context.put("tenant", "acme");
        context.put("purpose", "benchmark");
        byte[] first = BlobAadContextCodec.aad(header, header.length, context);
        assertThat(first).containsExactly(BlobAadContextCodec.encode(header, header.length, context));

        Map<String, String> equal = new LinkedHashMap<>();
        equal.put(new String("purpose"), new String("benchmark")); // other instances, other order
        equal.put(new String("tenant"), new String("acme"));
        assertThat(BlobAadContextCodec.aad(header.clone(), header.length, equal)).isSameAs(first);

        byte[] otherVersion = header.clone();
        otherVersion[8] = 8;
        Map<String, String> otherValue = new LinkedHashMap<>(context);
        otherValue.put("tenant", "acmf");
        Map<String, String> otherKey = new LinkedHashMap<>();
        otherKey.put("tenanu", "acme");
        otherKey.put("purpose", "benchmark");
        Map<String, String> morePairs = new LinkedHashMap<>(context);
        morePairs.put("stage", "prod");
        Map<String, String> fewerPairs = Map.of("tenant", "acme");
        Map<String, String> swapped = Map.of("tenant", "benchmark", "purpose", "acme");
        for (Map<String, String> asked : java.util.Arrays.<Map<String, String>>asList(otherValue, otherKey, morePairs,
                fewerPairs, swapped, Map.of(), null, context)) {
            assertThat(BlobAadContextCodec.aad(header, header.length, asked)).as("context %s", asked)
                    .containsExactly(BlobAadContextCodec.encode(header, header.length, asked));
        }
        assertThat(BlobAadContextCodec.aad(otherVersion, header.length, context))
                .containsExactly(BlobAadContextCodec.encode(otherVersion, header.length, context));
        assertThat(BlobAadContextCodec.aad(header, header.length - 1, context))
                .containsExactly(BlobAadContextCodec.encode(header, header.length - 1, context));
        // reused only as long as nothing else was built in between
        byte[] again = BlobAadContextCodec.aad(header, header.length, context);
        assertThat(BlobAadContextCodec.aad(header, header.length, equal)).isSameAs(again);
    }

    /** A blob sealed under one context does not open under another even right after it (the remembered AAD). */
    @Test
    void rememberedAad_stillBindsTheContext() {
        AesKeyMaterial key = AesKeyMaterial.copyOf(new byte[32]);
        byte[] plaintext = "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> context = Map.of("tenant", "acme");
        byte[] iv = new byte[AesGcm.IV_LENGTH];
        java.util.Arrays.fill(iv, (byte) 7); // an IV no other test of this thread uses with this key
        byte[] blob = CiphertextBlob.seal("key-1", 1, key, iv, context, plaintext);
        assertThat(CiphertextBlob.parse(blob).open(key, Map.of("tenant", "acme"))).containsExactly(plaintext);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> CiphertextBlob.parse(blob).open(key, Map.of("tenant", "other")))
                .isInstanceOf(dev.kmslab.engine.error.InvalidCiphertextException.class)
                .hasMessage("The ciphertext is invalid.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CiphertextBlob.parse(blob).open(key, Map.of()))
                .isInstanceOf(dev.kmslab.engine.error.InvalidCiphertextException.class);
        byte[] otherHeader = blob.clone();
        otherHeader[2] = 'K';
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CiphertextBlob.parse(otherHeader).open(key, context))
                .isInstanceOf(dev.kmslab.engine.error.InvalidCiphertextException.class);
        assertThat(CiphertextBlob.parse(blob).open(key, context)).containsExactly(plaintext);
    }
}
