package dev.kmslab.flow;

import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import java.util.Map;

/**
 * S3 server-side encryption with KMS keys. S3 is a simulated actor; its KMS calls are real, made through S3
 * ({@code kms:ViaService}) with S3's encryption context {@code aws:s3:arn}: the object ARN, or the bucket ARN when an
 * S3 Bucket Key is in use.
 */
final class S3Flows {

    static final String BUCKET = "kmslab-reports";
    static final int OBJECTS = 5;

    private S3Flows() {
    }

    private static void actors(FlowSession s) {
        s.actors(Actor.client("Your application"), Actor.service("s3", "Amazon S3"), Actor.kms(),
                Actor.storage("disks", "S3 storage"), Actor.cloudTrail());
    }

    static String objectArn(String key) {
        return "arn:aws:s3:::" + BUCKET + "/" + key;
    }

    static void sseKms(FlowSession s) {
        actors(s);
        String objectKey = "2026/q1/summary.csv";
        Map<String, String> context = Map.of("aws:s3:arn", objectArn(objectKey));
        byte[] body = FlowSession.utf8("region,revenue\nEMEA,1200000\nAPAC,950000\n");
        s.step("client", "s3", "PutObject").param("Bucket", BUCKET).param("Key", objectKey)
                .param("x-amz-server-side-encryption", "aws:kms")
                .param("x-amz-server-side-encryption-aws-kms-key-id", s.keyArn())
                .secret("Object body", PayloadKind.PLAINTEXT, body)
                .narration("The application uploads an object and asks for SSE-KMS with its own key. (Bucket default "
                        + "encryption can set this for every upload.) The body travels to S3 over TLS.")
                .tip("The uploader needs kms:GenerateDataKey on the key; the reader needs kms:Decrypt.").add();
        s.call("s3", "GenerateDataKey").param("KeyId", s.keyArn()).param("KeySpec", "AES_256").context(context)
                .viaService("s3." + s.region() + ".amazonaws.com").payload(FlowSession.contextPayload(context))
                .narration("S3 asks KMS, on the caller's behalf, for a data key for this one object, with the object's "
                        + "ARN as encryption context. S3 sends no \"via\" parameter: because the request comes "
                        + "through S3, KMS sets the condition key kms:ViaService to S3's endpoint, which a key policy "
                        + "can require.").add();
        GenerateDataKeyResult key = s.engine().generateDataKey(s.via("s3"),
                GenerateDataKeyRequest.aes256(s.keyArn(), context));
        s.step("kms", "s3", "GenerateDataKey response")
                .secret("Plaintext data key", PayloadKind.DATA_KEY, key.plaintext())
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, key.ciphertextBlob())
                .narration("KMS returns the data key in plaintext and encrypted.").add();
        byte[] iv = s.crypto().newIv();
        byte[] ciphertext = LocalCrypto.encrypt(key.plaintext(), iv, body, new byte[0]);
        s.step("s3", "s3", "Encrypt object").secret("Plaintext data key", PayloadKind.DATA_KEY, key.plaintext())
                .open("IV", PayloadKind.IV, iv).open("Encrypted object", PayloadKind.CIPHERTEXT, ciphertext)
                .narration("S3 encrypts the object with the data key (AES-256) and erases the plaintext data key.")
                .state("Plaintext data key erased from memory").add();
        key.destroyPlaintext();
        s.step("s3", "disks", "Store").open("Encrypted object", PayloadKind.CIPHERTEXT, ciphertext)
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, key.ciphertextBlob())
                .narration("The encrypted data key is stored with the object's metadata.").add();
        s.audit("The GenerateDataKey event shows the object ARN as context: per-object audit in CloudTrail.");
        s.step("client", "s3", "GetObject").param("Bucket", BUCKET).param("Key", objectKey)
                .narration("Later the application downloads the object. It does not name the key: S3 knows it.").add();
        s.call("s3", "Decrypt").param("CiphertextBlob", key.ciphertextBlob().length + " bytes").context(context)
                .viaService("s3." + s.region() + ".amazonaws.com")
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, key.ciphertextBlob())
                .narration("S3 sends the object's encrypted data key to KMS with the same context.").add();
        DecryptResult dk = s.engine().decrypt(s.via("s3"), DecryptRequest.of(key.ciphertextBlob(), context));
        s.step("kms", "s3", "Decrypt response").secret("Plaintext data key", PayloadKind.DATA_KEY, dk.plaintext())
                .narration("KMS returns the plaintext data key: only if the caller may use kms:Decrypt on the key.")
                .add();
        byte[] plain = LocalCrypto.decrypt(dk.plaintext(), iv, ciphertext, new byte[0]);
        dk.destroyPlaintext();
        s.step("s3", "client", "GetObject response").secret("Object body", PayloadKind.PLAINTEXT, plain)
                .narration("S3 decrypts and returns the object. A reader without kms:Decrypt gets AccessDenied even "
                        + "with s3:GetObject.")
                .tip("SSE-KMS gives separation of duties: S3 permissions alone cannot read the data.").add();
        s.tip("SSE-KMS without a Bucket Key: one GenerateDataKey per PutObject and one Decrypt per GetObject; "
                + "heavy traffic can hit KMS request quotas.");
    }

    static void bucketKey(FlowSession s) {
        actors(s);
        // Counts the GenerateDataKey calls the engine really audits (a listener, so a full audit ring cannot skew it).
        java.util.concurrent.atomic.AtomicInteger audited = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Consumer<dev.kmslab.engine.audit.AuditEvent> counter = e -> {
            if (e.eventName().equals("GenerateDataKey") && !e.isError()) {
                audited.incrementAndGet();
            }
        };
        s.engine().auditLog().addListener(counter);
        try {
            bucketKey(s, audited);
        } finally {
            s.engine().auditLog().removeListener(counter);
        }
    }

    private static void bucketKey(FlowSession s, java.util.concurrent.atomic.AtomicInteger audited) {
        int before = audited.get();
        for (int i = 1; i <= OBJECTS; i++) {
            s.engine().generateDataKey(s.via("s3"), GenerateDataKeyRequest.aes256(s.keyArn(),
                    Map.of("aws:s3:arn", objectArn("logs/part-" + i + ".json")))).destroyPlaintext();
        }
        int without = audited.get() - before;
        s.step("s3", "kms", "Without a Bucket Key: " + without + " × GenerateDataKey")
                .param("Objects uploaded", OBJECTS).param("KMS requests", without)
                .narration("First, " + OBJECTS + " uploads to a bucket without a Bucket Key: S3 asked KMS for a new "
                        + "data key for every object, " + without + " requests in all (made for real on the engine).")
                .add();
        Map<String, String> bucketContext = Map.of("aws:s3:arn", "arn:aws:s3:::" + BUCKET);
        s.step("client", "s3", "PutObject").param("Bucket", BUCKET).param("Key", "logs/part-1.json")
                .param("x-amz-server-side-encryption-bucket-key-enabled", "true")
                .narration("Now the same uploads with the S3 Bucket Key enabled on the bucket.").add();
        int start = audited.get();
        s.call("s3", "GenerateDataKey").param("KeyId", s.keyArn()).param("KeySpec", "AES_256").context(bucketContext)
                .viaService("s3." + s.region() + ".amazonaws.com")
                .payload(FlowSession.contextPayload(bucketContext))
                .narration("S3 asks KMS once for a bucket-level key. The context is now the bucket ARN, not the "
                        + "object ARN.")
                .tip("With a Bucket Key the encryption context is the bucket ARN: update policies and alarms that "
                        + "match object ARNs.").add();
        GenerateDataKeyResult bucketKey = s.engine().generateDataKey(s.via("s3"),
                GenerateDataKeyRequest.aes256(s.keyArn(), bucketContext));
        s.step("kms", "s3", "GenerateDataKey response")
                .secret("Bucket key", PayloadKind.DATA_KEY, bucketKey.plaintext())
                .open("Encrypted bucket key", PayloadKind.ENCRYPTED_DATA_KEY, bucketKey.ciphertextBlob())
                .narration("S3 keeps this bucket key for a limited time and uses it to create a unique data key for "
                        + "each new object, inside S3.").state("S3 holds a short-lived bucket key").add();
        bucketKey.destroyPlaintext();
        s.step("s3", "disks", "Store " + OBJECTS + " objects").param("Objects uploaded", OBJECTS)
                .param("KMS requests", 0)
                .narration("All " + OBJECTS + " objects are encrypted with data keys made from the bucket key: no "
                        + "further KMS requests.").add();
        int with = audited.get() - start;
        s.step("s3", "kms", "KMS requests: " + without + " → " + with).param("Without Bucket Key", without)
                .param("With Bucket Key", with)
                .narration("For " + OBJECTS + " objects the bucket made " + without + " GenerateDataKey requests "
                        + "without a Bucket Key and " + with + " with one. At millions of objects, that is the "
                        + "difference in KMS cost and in request-quota pressure.")
                .tip("S3 Bucket Keys cut KMS request costs (AWS says by up to 99%) and KMS throttling for busy "
                        + "buckets.").add();
        s.audit("CloudTrail now shows far fewer KMS events, each naming the bucket rather than an object.");
        s.tip("Bucket Keys apply to SSE-KMS; they are enabled per bucket (or per object with a header).");
    }
}
