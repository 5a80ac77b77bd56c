package dev.kmslab.server.ops;

import dev.kmslab.engine.model.GenerateMacRequest;
import dev.kmslab.engine.model.GenerateMacResult;
import dev.kmslab.engine.model.MacAlgorithmSpec;
import dev.kmslab.engine.model.MessageType;
import dev.kmslab.engine.model.SignRequest;
import dev.kmslab.engine.model.SignResult;
import dev.kmslab.engine.model.SigningAlgorithmSpec;
import dev.kmslab.engine.model.VerifyMacRequest;
import dev.kmslab.engine.model.VerifyMacResult;
import dev.kmslab.engine.model.VerifyRequest;
import dev.kmslab.engine.model.VerifyResult;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/**
 * Sign, Verify, GenerateMac and VerifyMac. As in AWS, a signature or MAC that does not verify is an error
 * (KMSInvalidSignatureException, KMSInvalidMacException), so SignatureValid and MacValid are only ever true.
 */
final class SignatureEndpoints {

    private SignatureEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("Sign", (engine, caller, in, out) -> {
            SignResult result = engine.sign(caller, new SignRequest(in.requiredString("KeyId"),
                    in.requiredBlob("Message"), in.enumValue("MessageType", MessageType.class),
                    in.enumValue("SigningAlgorithm", SigningAlgorithmSpec.class)));
            JsonOutput.string(out, "KeyId", result.keyId());
            JsonOutput.blob(out, "Signature", result.signature());
            JsonOutput.enumValue(out, "SigningAlgorithm", result.signingAlgorithm());
        });
        table.put("Verify", (engine, caller, in, out) -> {
            VerifyResult result = engine.verify(caller, new VerifyRequest(in.requiredString("KeyId"),
                    in.requiredBlob("Message"), in.enumValue("MessageType", MessageType.class),
                    in.requiredBlob("Signature"), in.enumValue("SigningAlgorithm", SigningAlgorithmSpec.class)));
            JsonOutput.string(out, "KeyId", result.keyId());
            out.writeBooleanField("SignatureValid", result.signatureValid());
            JsonOutput.enumValue(out, "SigningAlgorithm", result.signingAlgorithm());
        });
        table.put("GenerateMac", (engine, caller, in, out) -> {
            GenerateMacResult result = engine.generateMac(caller, new GenerateMacRequest(in.requiredBlob("Message"),
                    in.requiredString("KeyId"), in.enumValue("MacAlgorithm", MacAlgorithmSpec.class)));
            JsonOutput.blob(out, "Mac", result.mac());
            JsonOutput.enumValue(out, "MacAlgorithm", result.macAlgorithm());
            JsonOutput.string(out, "KeyId", result.keyId());
        });
        table.put("VerifyMac", (engine, caller, in, out) -> {
            VerifyMacResult result = engine.verifyMac(caller, new VerifyMacRequest(in.requiredBlob("Message"),
                    in.requiredString("KeyId"), in.enumValue("MacAlgorithm", MacAlgorithmSpec.class),
                    in.requiredBlob("Mac")));
            JsonOutput.string(out, "KeyId", result.keyId());
            out.writeBooleanField("MacValid", result.macValid());
            JsonOutput.enumValue(out, "MacAlgorithm", result.macAlgorithm());
        });
    }
}
