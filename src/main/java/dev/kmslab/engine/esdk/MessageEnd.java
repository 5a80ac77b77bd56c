package dev.kmslab.engine.esdk;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a message through to the SDK while following its lengths (header, frames, footer), to know where it ends:
 * the SDK's streaming decryption stops at the footer and silently ignores anything after it, whereas a file with extra
 * bytes has been tampered with. Only lengths are read; the SDK does every check of the content.
 */
final class MessageEnd extends FilterInputStream {

    private static final long END_OF_FRAMES = 0xFFFF_FFFFL;

    /** What to do once a field is complete; {@code value} is the field as a big-endian number (fields of ≤ 8 bytes). */
    private interface Then {
        void done(long value);
    }

    private long need;
    private long value;
    private Then then;
    private boolean ended;
    private boolean lost;
    private boolean trailing;
    private int version;
    private CryptoAlgorithm suite;
    private long contentType;
    private long frameLength;

    MessageEnd(InputStream in) {
        super(in);
        expect(1, v -> {
            version = (int) v;
            if (version == 1) {
                expect(1, t -> suiteAndId());
            } else {
                suiteAndId();
            }
        });
    }

    /** Whether bytes arrived after the end of the message. */
    boolean trailingData() {
        return trailing;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            feed(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            feed(b, off, n);
        }
        return n;
    }

    private void feed(byte[] b, int off, int len) {
        while (len > 0 && !lost) {
            if (ended) {
                trailing = true;
                return;
            }
            int take = (int) Math.min(need, len);
            if (need <= 8) {
                for (int i = 0; i < take; i++) {
                    value = value << 8 | (b[off + i] & 0xFF);
                }
            }
            need -= take;
            off += take;
            len -= take;
            if (need == 0) {
                complete();
            }
        }
    }

    private void complete() {
        Then next = then;
        long v = value;
        then = null;
        value = 0;
        next.done(v);
    }

    private void expect(long n, Then next) {
        need = n;
        value = 0;
        then = next;
        if (n == 0) {
            complete();
        }
    }

    private void suiteAndId() {
        expect(2, id -> {
            suite = version == 1 || version == 2 ? CryptoAlgorithm.deserialize((byte) version, (short) id) : null;
            if (suite == null) {
                lost = true; // not a message the SDK can read either; it reports why
                return;
            }
            expect(suite.getMessageIdLength(), x -> expect(2, aad -> expect(aad, y -> expect(2, this::dataKeys))));
        });
    }

    private void dataKeys(long left) {
        if (left == 0) {
            expect(1, type -> {
                contentType = type;
                if (version == 1) {
                    expect(4, r -> expect(1, iv -> frameLength()));
                } else {
                    frameLength();
                }
            });
            return;
        }
        expect(2, a -> expect(a, x -> expect(2, b -> expect(b, y -> expect(2, c -> expect(c,
                z -> dataKeys(left - 1)))))));
    }

    private void frameLength() {
        expect(4, f -> {
            frameLength = f;
            int suiteData = version == 2 ? suite.getSuiteDataLength() : 0;
            int auth = (version == 1 ? suite.getNonceLen() : 0) + suite.getTagLen();
            expect(suiteData, x -> expect(auth, y -> body()));
        });
    }

    private void body() {
        int nonce = suite.getNonceLen();
        int tag = suite.getTagLen();
        if (contentType == 2) {
            frame(nonce, tag);
        } else {
            expect(nonce, x -> expect(8, length -> expect(length + tag, y -> footer())));
        }
    }

    private void frame(int nonce, int tag) {
        expect(4, sequence -> {
            if (sequence == END_OF_FRAMES) {
                expect(4L + nonce, x -> expect(4, length -> expect(length + tag, y -> footer())));
            } else {
                expect(nonce + frameLength + tag, x -> frame(nonce, tag));
            }
        });
    }

    private void footer() {
        if (suite.getTrailingSignatureLength() > 0) {
            expect(2, n -> expect(n, x -> ended = true));
        } else {
            ended = true;
        }
    }
}
