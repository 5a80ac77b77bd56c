package dev.kmslab.flow;

import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DecryptResult;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.GenerateDataKeyRequest;
import dev.kmslab.engine.model.GenerateDataKeyResult;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * AWS services that use KMS on the caller's behalf. The services are simulated actors, but every KMS call they make is
 * a real engine call, through the service ({@code kms:ViaService}) and with the encryption context that service
 * documents: S3 {@code aws:s3:arn}; Secrets Manager {@code SecretARN} and {@code SecretVersionId}; the Lambda console's
 * encryption helpers {@code LambdaFunctionName}.
 */
final class ServiceFlows {

    private ServiceFlows() {
    }

    static List<FlowDefinition> all() {
        return List.of(
                new FlowDefinition("s3-sse-kms", "S3 SSE-KMS",
                        "PutObject and GetObject on a bucket encrypted with SSE-KMS: a data key per object.",
                        "AWS services", false, S3Flows::sseKms),
                new FlowDefinition("s3-bucket-key", "S3 Bucket Key",
                        "With an S3 Bucket Key, one KMS request serves many objects: count the calls.",
                        "AWS services", false, S3Flows::bucketKey),
                new FlowDefinition("secrets-manager-read", "Secrets Manager read",
                        "GetSecretValue: Secrets Manager decrypts the secret's data key with KMS, then the secret.",
                        "AWS services", false, ServiceFlows::secretsManager),
                new FlowDefinition("lambda-env", "Lambda environment secret",
                        "An environment variable encrypted with KMS is decrypted once, at cold start.",
                        "AWS services", false, ServiceFlows::lambdaEnv));
    }

    private static void secretsManager(FlowSession s) {
        s.actors(Actor.client("Your application"), Actor.service("secretsmanager", "Secrets Manager"), Actor.kms(),
                Actor.storage("vault", "Secret storage"), Actor.cloudTrail());
        String arn = "arn:aws:secretsmanager:" + s.region() + ":" + s.account() + ":secret:prod/orders/db-a1B2c3";
        String version = "3f9e1c2a-7b4d-4e8f-9a01-5c6d7e8f9a0b";
        Map<String, String> context = Map.of("SecretARN", arn, "SecretVersionId", version);
        // Earlier, when the secret value was stored, Secrets Manager sealed it under its own data key.
        GenerateDataKeyResult key = s.engine().generateDataKey(s.via("secretsmanager"),
                GenerateDataKeyRequest.aes256(s.keyArn(), context));
        byte[] iv = s.crypto().newIv();
        byte[] value = FlowSession.utf8("{\"username\":\"orders_app\",\"password\":\"k8#Qz!r2Lm\"}");
        byte[] sealed = LocalCrypto.encrypt(key.plaintext(), iv, value, new byte[0]);
        key.destroyPlaintext();

        s.step("client", "secretsmanager", "GetSecretValue").param("SecretId", "prod/orders/db")
                .narration("The application asks for the database password by name. It never talks to KMS itself.")
                .tip("The caller needs secretsmanager:GetSecretValue and, for a customer managed key, kms:Decrypt "
                        + "on that key.").add();
        s.step("vault", "secretsmanager", "Read version").param("SecretVersionId", version)
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, key.ciphertextBlob())
                .open("IV", PayloadKind.IV, iv).open("Encrypted secret value", PayloadKind.CIPHERTEXT, sealed)
                .narration("Secrets Manager loads the current version: the secret value encrypted with a data key, and "
                        + "that data key encrypted under the KMS key. Each new version got its own data key.").add();
        s.call("secretsmanager", "Decrypt").param("CiphertextBlob", key.ciphertextBlob().length + " bytes")
                .context(context).viaService("secretsmanager." + s.region() + ".amazonaws.com")
                .open("Encrypted data key", PayloadKind.ENCRYPTED_DATA_KEY, key.ciphertextBlob())
                .payload(FlowSession.contextPayload(context))
                .narration("Secrets Manager calls KMS on the application's behalf, with the secret's ARN and version "
                        + "id as encryption context. Key policies can require that context or the kms:ViaService "
                        + "value to limit the key to this use.").add();
        DecryptResult dk = s.engine().decrypt(s.via("secretsmanager"),
                DecryptRequest.of(key.ciphertextBlob(), context));
        s.step("kms", "secretsmanager", "Decrypt response")
                .secret("Plaintext data key", PayloadKind.DATA_KEY, dk.plaintext())
                .narration("KMS returns the plaintext data key to Secrets Manager.").add();
        byte[] plain = LocalCrypto.decrypt(dk.plaintext(), iv, sealed, new byte[0]);
        dk.destroyPlaintext();
        s.step("secretsmanager", "secretsmanager", "Decrypt secret value")
                .secret("Secret value", PayloadKind.PLAINTEXT, plain)
                .narration("Secrets Manager decrypts the value and erases the data key.")
                .state("Plaintext data key erased from memory").add();
        s.step("secretsmanager", "client", "GetSecretValue response")
                .secret("SecretString", PayloadKind.PLAINTEXT, plain)
                .narration("The secret arrives over TLS. Cache it in the application to save calls and cost.").add();
        s.audit("CloudTrail shows a Decrypt made through Secrets Manager, with the secret's ARN in the context.");
        s.tip("Secrets Manager uses envelope encryption: a new data key from GenerateDataKey for each secret version.");
        s.tip("Secrets Manager supports symmetric encryption KMS keys only; the default is aws/secretsmanager.");
    }

    private static void lambdaEnv(FlowSession s) {
        s.actors(new Actor("developer", "Developer", ActorKind.CLIENT), Actor.service("lambda", "AWS Lambda"),
                new Actor("function", "order-processor function", ActorKind.CLIENT), Actor.kms(), Actor.cloudTrail());
        Map<String, String> context = Map.of("LambdaFunctionName", "order-processor");
        byte[] secret = FlowSession.utf8("sk_live_51Hx9orderapikey");
        s.call("developer", "Encrypt").param("KeyId", s.keyArn()).context(context)
                .secret("API key", PayloadKind.PLAINTEXT, secret).payload(FlowSession.contextPayload(context))
                .narration("With the console's encryption helpers, the developer encrypts the API key with a KMS key "
                        + "before it is saved, using the function's name as encryption context.").add();
        byte[] blob = s.engine().encrypt(s.caller(), EncryptRequest.of(s.keyArn(), secret, context))
                .ciphertextBlob();
        s.step("kms", "developer", "Encrypt response").open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob)
                .narration("KMS returns a ciphertext blob; its base64 text becomes the variable's value.").add();
        byte[] text = FlowSession.utf8(Base64.getEncoder().encodeToString(blob));
        s.step("developer", "lambda", "UpdateFunctionConfiguration").param("Variables", "API_KEY=<base64 blob>")
                .open("API_KEY value", PayloadKind.CIPHERTEXT, text)
                .narration("The encrypted value is stored in the function's configuration. Lambda also encrypts all "
                        + "environment variables at rest on its own; the helper adds protection in transit and in the "
                        + "console, where the value now shows only as ciphertext.").add();
        s.step("lambda", "function", "Cold start").open("API_KEY value", PayloadKind.CIPHERTEXT, text)
                .narration("A new execution environment starts and runs the function's initialization code, outside "
                        + "the handler. The variable is still ciphertext.")
                .state("Execution environment created").add();
        s.call("function", "Decrypt").param("CiphertextBlob", blob.length + " bytes").context(context)
                .open("Ciphertext blob", PayloadKind.CIPHERTEXT, blob)
                .narration("The initialization code decodes the base64 and calls Decrypt with the same context "
                        + "(the name from AWS_LAMBDA_FUNCTION_NAME). The execution role needs kms:Decrypt on the key.")
                .add();
        DecryptResult r = s.engine().decrypt(s.caller(), DecryptRequest.of(blob, context));
        s.step("kms", "function", "Decrypt response").secret("API key", PayloadKind.PLAINTEXT, r.plaintext())
                .narration("KMS returns the API key.").add();
        s.step("function", "function", "Keep for warm invocations").secret("API key", PayloadKind.PLAINTEXT,
                r.plaintext())
                .narration("The function keeps the value in memory. Every warm invocation of this environment reuses "
                        + "it without calling KMS again.")
                .tip("Decrypt during initialization, not in the handler: one KMS call per cold start, not per request.")
                .state("Plaintext held only in the function's memory").add();
        r.destroyPlaintext();
        s.audit("CloudTrail shows one Decrypt per cold start, with the function name in the context.");
        s.tip("Lambda encrypts environment variables at rest by default; a customer managed key gives you control and "
                + "an audit trail.");
    }
}
