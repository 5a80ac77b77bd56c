/**
 * Cryptography for asymmetric, HMAC and key agreement KMS keys, with AWS KMS semantics and error types; no engine
 * state. The engine facade owns key metadata (id, state, usage, policy) and persists {@link
 * dev.kmslab.engine.crypto.KeyMaterial#encoded()} encrypted; it calls:
 *
 * <ul>
 *   <li>CreateKey: {@code KeySpecRules.requireCreatable(spec, usage)}, then {@code KeyMaterials.generate(spec)};
 *       reload with {@code KeyMaterials.decode(spec, bytes)}.</li>
 *   <li>DescribeKey algorithm lists: {@code KeySpecRules.algorithms(spec, usage)}.</li>
 *   <li>Sign / Verify: {@link dev.kmslab.engine.crypto.asymmetric.SignVerify}.</li>
 *   <li>Encrypt / Decrypt with RSA keys: {@link dev.kmslab.engine.crypto.asymmetric.RsaEncryption}.</li>
 *   <li>GenerateMac / VerifyMac: {@link dev.kmslab.engine.crypto.asymmetric.MacOperations}.</li>
 *   <li>DeriveSharedSecret: {@link dev.kmslab.engine.crypto.asymmetric.SharedSecretDerivation}.</li>
 *   <li>GetPublicKey: {@link dev.kmslab.engine.crypto.asymmetric.PublicKeys}.</li>
 *   <li>GenerateDataKeyPair(WithoutPlaintext): {@link dev.kmslab.engine.crypto.asymmetric.DataKeyPairs}.</li>
 *   <li>EnableKeyRotation / RotateKeyOnDemand guard: {@code KeySpecRules.requireRotatable(spec)}.</li>
 * </ul>
 *
 * <p>Every operation takes the key's {@link dev.kmslab.engine.model.KeyUsage} so a wrong usage is
 * refused with InvalidKeyUsageException, as is an algorithm the key spec does not offer. Bad parameters are
 * ValidationException; failed checks are KMSInvalidSignatureException, KMSInvalidMacException or
 * InvalidCiphertextException. The JDK does the work where it can; Bouncy Castle (registered last, passed
 * explicitly) covers secp256k1, ML-DSA, raw-digest RSA-PSS and Ed25519ph.
 */
package dev.kmslab.engine.crypto.asymmetric;
