// The AWS Encryption SDK for JavaScript against KMS Lab's local endpoint, for EncryptionSdkNodeInteropTest.
//   node interop.mjs encrypt <endpoint> <keyArn> <plaintext file> <message file> <context JSON>
//   node interop.mjs decrypt <endpoint> <keyArn> <message file> <plaintext file>
// Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Prints one JSON line describing the message.
import { readFileSync, writeFileSync } from 'node:fs'
import { KMS } from '@aws-sdk/client-kms'
import { buildClient, CommitmentPolicy, getClient, KmsKeyringNode } from '@aws-crypto/client-node'

const [command, endpoint, keyArn, from, to, contextJson] = process.argv.slice(2)
const clientProvider = getClient(KMS, {
  endpoint,
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY
  },
  maxAttempts: 1
})
const keyring = new KmsKeyringNode({ clientProvider, generatorKeyId: keyArn, keyIds: [] })
const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT)

if (command === 'encrypt') {
  const { result, messageHeader } = await encrypt(keyring, readFileSync(from), {
    encryptionContext: JSON.parse(contextJson || '{}')
  })
  writeFileSync(to, result)
  console.log(JSON.stringify({ suiteId: messageHeader.suiteId, frameLength: messageHeader.frameLength }))
} else if (command === 'decrypt') {
  const { plaintext, messageHeader } = await decrypt(keyring, readFileSync(from))
  writeFileSync(to, plaintext)
  console.log(JSON.stringify({
    suiteId: messageHeader.suiteId,
    encryptionContext: messageHeader.encryptionContext,
    providers: messageHeader.encryptedDataKeys.map(k => k.providerId + ' ' + k.providerInfo)
  }))
} else {
  console.error('usage: node interop.mjs encrypt|decrypt ...')
  process.exit(2)
}
