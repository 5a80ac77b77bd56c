package dev.kmslab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmslab.engine.error.InvalidCiphertextException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AES-256-GCM test cases 13–16 from McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)", run through the
 * engine's own primitive in both directions.
 */
class AesGcmKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "test case {0}")
    @CsvSource({
        "13, 0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000, '', '', '',"
            + " 530f8afbc74536b9a963b4f1c4cb738b",
        "14, 0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000,"
            + " 00000000000000000000000000000000, '', cea7403d4d606b6e074ec5d3baf39d18,"
            + " d0d1c8a799996bf0265b98b5d48ab919",
        "15, feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308, cafebabefacedbaddecaf888,"
            + " d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525"
            + "b16aedf5aa0de657ba637b391aafd255, '',"
            + " 522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
            + "c5f61e6393ba7a0abcc9f662898015ad, b094dac5d93471bdec1a502270e3cc6c",
        "16, feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308, cafebabefacedbaddecaf888,"
            + " d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525"
            + "b16aedf5aa0de657ba637b39, feedfacedeadbeeffeedfacedeadbeefabaddad2,"
            + " 522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
            + "c5f61e6393ba7a0abcc9f662, 76fc6ece0f4e1768cddf8853bb2d551b"
    })
    void gcmSpecVector_encryptsAndDecryptsExactly(int testCase, String key, String iv, String plaintext, String aad,
                                                  String ciphertext, String tag) {
        AesKeyMaterial material = AesKeyMaterial.copyOf(HEX.parseHex(key));
        byte[] expected = HEX.parseHex(ciphertext + tag);

        forgetLastKeyAndIv();
        byte[] sealed = AesGcm.encrypt(material, HEX.parseHex(iv), HEX.parseHex(aad), HEX.parseHex(plaintext));

        assertThat(HEX.formatHex(sealed)).as("test case %d", testCase).isEqualTo(ciphertext + tag);
        assertThat(AesGcm.decrypt(material, HEX.parseHex(iv), HEX.parseHex(aad), expected))
                .isEqualTo(HEX.parseHex(plaintext));
    }

    @ParameterizedTest(name = "flipped tag bit {0}")
    @CsvSource({"0", "7", "127"})
    void gcmSpecVector16_withFlippedTagBit_isRejected(int bit) {
        AesKeyMaterial material = AesKeyMaterial.copyOf(
                HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"));
        byte[] iv = HEX.parseHex("cafebabefacedbaddecaf888");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        forgetLastKeyAndIv();
        byte[] sealed = AesGcm.encrypt(material, iv, aad, new byte[60]);
        sealed[60 + bit / 8] ^= (byte) (1 << (bit % 8));

        assertThatThrownBy(() -> AesGcm.decrypt(material, iv, aad, sealed))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    /**
     * SunJCE refuses to encrypt twice in a row with the same key and IV on one Cipher (a guard against nonce reuse).
     * The spec vectors share keys and IVs on purpose, so encrypt once under a random key and IV in between.
     */
    private static void forgetLastKeyAndIv() {
        CryptoRandom random = CryptoRandom.create();
        AesGcm.encrypt(AesKeyMaterial.generate(random), random.bytes(12), new byte[0], new byte[1]);
    }
}
