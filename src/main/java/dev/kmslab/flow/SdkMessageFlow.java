package dev.kmslab.flow;

import dev.kmslab.engine.EngineDataKeyProvider;
import dev.kmslab.engine.envelope.DataKeyProvider;
import dev.kmslab.engine.envelope.EnvelopeOptions;
import dev.kmslab.engine.envelope.GeneratedDataKey;
import dev.kmslab.engine.esdk.MessageCrypto;
import dev.kmslab.engine.esdk.MessageLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Envelope encryption as the AWS Encryption SDK does it, recorded from a real run of the SDK against the engine: the
 * KMS calls the SDK's KMS master key made (captured on their way through), and the message it wrote, field by field
 * with its real bytes — header (algorithm suite, message id, encryption context, encrypted data keys, commitment),
 * header authentication, frames and the signature footer.
 */
final class SdkMessageFlow {

    /** Tiny frames, so the 68-byte document shows regular frames and a final frame (the SDK's default is 4096). */
    static final int FRAME_LENGTH = 32;

    private SdkMessageFlow() {
    }

    /** The KMS side as the SDK called it, with copies of what came back for the flow to show. */
    static final class Recording implements DataKeyProvider {
        private final DataKeyProvider kms;
        byte[] plaintextKey;
        byte[] encryptedKey;
        String keyArn;
        Map<String, String> context = Map.of();

        Recording(DataKeyProvider kms) {
            this.kms = kms;
        }

        @Override
        public GeneratedDataKey generateDataKey(String keyId, Map<String, String> encryptionContext) {
            GeneratedDataKey key = kms.generateDataKey(keyId, encryptionContext);
            plaintextKey = key.plaintext().clone();
            encryptedKey = key.ciphertextBlob();
            keyArn = key.keyArn();
            context = Map.copyOf(encryptionContext);
            return key;
        }

        @Override
        public byte[] decryptDataKey(byte[] encryptedDataKey, Map<String, String> encryptionContext) {
            return decryptDataKey(encryptedDataKey, encryptionContext, null);
        }

        @Override
        public byte[] decryptDataKey(byte[] encryptedDataKey, Map<String, String> encryptionContext, String arn) {
            byte[] key = arn == null ? kms.decryptDataKey(encryptedDataKey, encryptionContext)
                    : kms.decryptDataKey(encryptedDataKey, encryptionContext, arn);
            plaintextKey = key.clone();
            encryptedKey = encryptedDataKey.clone();
            keyArn = arn;
            context = Map.copyOf(encryptionContext);
            return key;
        }
    }

    /** A message the SDK wrote, with its layout. */
    record Message(byte[] bytes, MessageLayout layout) {
    }

    static Recording recording(FlowSession s) {
        return new Recording(new EngineDataKeyProvider(s.engine(), s.caller()));
    }

    static Message encrypt(DataKeyProvider kms, String keyArn, String document, Map<String, String> context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new MessageCrypto(kms).encrypt(new ByteArrayInputStream(FlowSession.utf8(document)), out, keyArn,
                    context, EnvelopeOptions.defaults().withFrameSize(FRAME_LENGTH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Message(out.toByteArray(), MessageLayout.of(out.toByteArray()));
    }

    static byte[] decrypt(DataKeyProvider kms, byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new MessageCrypto(kms).decrypt(new ByteArrayInputStream(message), out, EnvelopeOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Adds the fields that {@code which} selects as payloads, with their real bytes and values. */
    static StepBuilder fields(StepBuilder step, Message message, Predicate<MessageLayout.Field> which) {
        for (MessageLayout.Field f : message.layout().fields()) {
            if (which.test(f)) {
                byte[] bytes = Arrays.copyOfRange(message.bytes(), (int) f.offset(), (int) (f.offset() + f.length()));
                step.open(name(f), kind(f), bytes);
            }
        }
        return step;
    }

    static Predicate<MessageLayout.Field> part(String... parts) {
        List<String> names = List.of(parts);
        return f -> names.stream().anyMatch(p -> f.part().equals(p) || f.part().startsWith(p + " "));
    }

    /** "Algorithm ID = 0x0578 …", "Frame 1 · IV": the field's name as the format reference calls it. */
    static String name(MessageLayout.Field f) {
        String part = f.part().startsWith("Frame") || f.part().equals("Final frame")
                || f.part().startsWith("Encrypted data key ") ? f.part() + " · " : "";
        String value = f.value().length() <= 60 && !f.value().isEmpty() ? " = " + f.value() : "";
        return part + f.name() + value;
    }

    private static PayloadKind kind(MessageLayout.Field f) {
        return switch (f.kind()) {
            case CONTEXT -> PayloadKind.CONTEXT;
            case DATA_KEY -> f.name().equals("Encrypted data key") ? PayloadKind.ENCRYPTED_DATA_KEY
                    : f.name().equals("Key provider information") ? PayloadKind.KEY_ID : PayloadKind.OTHER;
            case IV -> PayloadKind.IV;
            case CONTENT -> PayloadKind.CIPHERTEXT;
            case SIGNATURE -> PayloadKind.SIGNATURE;
            default -> PayloadKind.OTHER;
        };
    }
}
