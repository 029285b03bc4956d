import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { describe, test } from 'node:test';
import { checkpointText, cosign, openCheckpoint, parseCheckpointText, signCheckpoint, verifyCosignature, withSignatures } from './checkpoint.ts';
import {
  formatVerifierKey, noteKeyId, noteSigner, noteVerifier, parseNote, parseVerifierKey, rawPublicKey, SIG_COSIGNATURE_V1, verifyNoteSignature,
} from './note.ts';

/** An Ed25519 key from a fixed 32-byte seed, so signatures (deterministic in Ed25519) are fixtures. */
function keyFromSeed(seedHex: string) {
  return createPrivateKey({ key: Buffer.from('302e020100300506032b657004220420' + seedHex, 'hex'), format: 'der', type: 'pkcs8' });
}

// The example of golang.org/x/mod/sumdb/note, the reference implementation of C2SP signed-note.
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_NOTE = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

describe('C2SP signed-note', () => {
  test('the reference implementation’s signed note verifies with its verifier key', () => {
    const v = parseVerifierKey(GO_VKEY);
    assert.equal(v.name, 'PeterNeumann');
    assert.equal(noteKeyId(v.name, 0x01, v.raw).toString('hex'), 'c74f20a3', 'key id = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4]');
    assert.equal(formatVerifierKey(v), GO_VKEY);
    const note = parseNote(GO_NOTE);
    assert.equal(note.text, "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n");
    assert.equal(verifyNoteSignature(note, v), 'ok');
  });

  test('a changed text fails; signatures by unknown keys are ignored, not trusted', () => {
    const v = parseVerifierKey(GO_VKEY);
    assert.equal(verifyNoteSignature(parseNote(GO_NOTE.replace('cryptography', 'blockchain')), v), 'bad_signature');
    const other = noteVerifier('SomeoneElse', v.raw);
    assert.equal(verifyNoteSignature(parseNote(GO_NOTE), other), 'unsigned');
  });

  test('malformed notes and keys are refused with a reason', () => {
    assert.throws(() => parseNote('no blank line\n— a AAAA\n'), /blank line/);
    assert.throws(() => parseNote('text\n\n— a AAAA'), /ends with a newline/);
    assert.throws(() => parseNote('text\u0007\n\n— a AAAAAAAA\n'), /control/);
    assert.throws(() => parseNote('text\n\n- a AAAAAAAA\n'), /not a signature line/);
    assert.throws(() => parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'), /key id does not match/);
    assert.throws(() => parseVerifierKey('PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'), /not supported/);
    assert.throws(() => noteVerifier('has space', Buffer.alloc(32, 1)), /not a valid note key name/);
  });
});

describe('C2SP tlog-checkpoint and tlog-cosignature', () => {
  const log = noteSigner('borderflow.example/VN-MONGCAI', keyFromSeed('01'.repeat(32)));
  const logKey = noteVerifier(log.name, rawPublicKey(log.privateKey));
  const root = Buffer.from('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328', 'hex');

  test('a checkpoint is origin, size, base64 root, blank line, signature; it opens with the log key', () => {
    const note = signCheckpoint({ origin: log.name, size: 8, rootHash: root }, log);
    const [body, sig] = note.split('\n\n');
    assert.equal(body + '\n', 'borderflow.example/VN-MONGCAI\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n');
    assert.match(sig!, /^— borderflow\.example\/VN-MONGCAI [A-Za-z0-9+/]{91}=\n$/);
    const opened = openCheckpoint(note, logKey);
    assert.equal(opened.size, 8);
    assert.ok(opened.rootHash.equals(root));
  });

  test('a checkpoint for another origin, with a changed size or without the signature does not open', () => {
    const note = signCheckpoint({ origin: log.name, size: 8, rootHash: root }, log);
    assert.throws(() => openCheckpoint(note.replace('\n8\n', '\n9\n'), logKey), /does not verify/);
    assert.throws(() => openCheckpoint(note, noteVerifier('borderflow.example/CN-DONGXING', logKey.raw)), /is for borderflow.example\/VN-MONGCAI/);
    assert.throws(() => openCheckpoint(checkpointText({ origin: log.name, size: 8, rootHash: root }) + '\n— other AAAAAAAAAAAA\n', logKey), /no signature/);
  });

  test('checkpoint text rules: decimal size without leading zeros, 32-byte base64 root', () => {
    assert.deepEqual(parseCheckpointText('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n').size, 20852163);
    assert.throws(() => parseCheckpointText('o\n08\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'), /leading zeros/);
    assert.throws(() => parseCheckpointText('o\n8\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2=\n'), /32 bytes/);
  });

  test('a cosignature/v1 signs "cosignature/v1", the time and the checkpoint body; it verifies and binds the time', () => {
    const witness = noteSigner('borderflow.example/CN-DONGXING/witness', keyFromSeed('02'.repeat(32)), SIG_COSIGNATURE_V1);
    const witnessKey = noteVerifier(witness.name, rawPublicKey(witness.privateKey), SIG_COSIGNATURE_V1);
    const note = signCheckpoint({ origin: log.name, size: 8, rootHash: root }, log);
    const line = cosign(parseNote(note).text, 1_790_000_000, witness);
    const bytes = Buffer.from(line.trim().split(' ').pop()!, 'base64');
    assert.equal(bytes.length, 4 + 8 + 64);
    assert.ok(bytes.subarray(0, 4).equals(noteKeyId(witness.name, 0x04, witnessKey.raw)));
    assert.equal(bytes.readBigUInt64BE(4), 1_790_000_000n);
    const cosigned = parseNote(withSignatures(note, [line]));
    assert.equal(cosigned.signatures.length, 2);
    assert.equal(verifyCosignature(cosigned, witnessKey)?.timestamp, 1_790_000_000);
    assert.equal(verifyNoteSignature(cosigned, logKey), 'ok', 'the log signature still verifies beside the cosignature');
    // The same key under type 0x01 is another key: it neither finds nor accepts the cosignature.
    assert.equal(verifyCosignature(cosigned, noteVerifier(witness.name, witnessKey.raw)), null);
    const forged = Buffer.from(bytes);
    forged.writeBigUInt64BE(1_790_000_001n, 4);
    const forgedLine = `— ${witness.name} ${forged.toString('base64')}\n`;
    assert.equal(verifyCosignature(parseNote(note + forgedLine), witnessKey), null, 'a changed timestamp fails');
    assert.throws(() => cosign(parseNote(note).text, 1, log), /type 0x04/);
  });
});
