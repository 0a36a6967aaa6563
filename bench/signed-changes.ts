/**
 * What signing and checking cost per update: a member types 2,000
 * keystrokes into an interest; a second device takes each one as a signed
 * change (verify, place its effects, check the write rules, apply) and, as
 * the baseline measured in the same run, as a bare Yjs update (apply only).
 * Prints the cost per update and the ratio. Runs in Node (WebCrypto Ed25519,
 * as Chromium has it). The share of a keystroke's p95 at 30 peers is in
 * bench:session, which runs the same code in browsers.
 */
import * as Y from 'yjs';
import { generateIdentityKeys, sign, verifyWithPublicKeyText } from '../shared/crypto/identity-keys';
import { SignedChangeLog } from '../shared/sync/signed-changes/signed-change-log';
import { addOrganisation } from '../shared/workspace-doc/organisations';

const KEYSTROKES = 2000;
const ROUNDS = 3;

async function main(): Promise<void> {
  const keys = await generateIdentityKeys();
  const author = { memberId: keys.memberId, publicKey: keys.publicKeyB64, organisationName: 'Gemeente Leiden', isAdmin: false };
  const source = new Y.Doc();
  const org = addOrganisation(source, { name: 'Gemeente Leiden', type: 'municipality', description: '', website: '' }, { memberId: keys.memberId, now: 1 });
  const text = new Y.Text();
  source.getMap('interests').set(org, new Y.Map<unknown>([['notes', text]]));
  const base = Y.encodeStateAsUpdate(source);
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < KEYSTROKES; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));

  const logOf = (doc: Y.Doc) =>
    new SignedChangeLog(doc, {
      documentId: 'bench',
      kind: 'workspace',
      signer: { publicKeyB64: keys.publicKeyB64, sign: (m) => sign(keys.privateKey, m) },
      standingOf: async () => ({ kind: 'member', author }),
      founderKey: () => null,
      verify: verifyWithPublicKeyText,
    });
  const sender = logOf(new Y.Doc());
  const sealStart = performance.now();
  const changes: Uint8Array[] = [];
  for (const update of updates) changes.push(await sender.seal(update));
  const sealMs = (performance.now() - sealStart) / KEYSTROKES;

  const results: { bare: number; signed: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const bareDoc = new Y.Doc();
    Y.applyUpdate(bareDoc, base);
    const bareStart = performance.now();
    for (const update of updates) Y.applyUpdate(bareDoc, update);
    const bare = (performance.now() - bareStart) / KEYSTROKES;

    const signedDoc = new Y.Doc();
    Y.applyUpdate(signedDoc, base);
    const receiver = logOf(signedDoc);
    const signedStart = performance.now();
    for (const change of changes) await receiver.receive([change], 'remote');
    const signed = (performance.now() - signedStart) / KEYSTROKES;
    if ((signedDoc.getMap('interests').get(org) as Y.Map<Y.Text>).get('notes')?.length !== KEYSTROKES) throw new Error('signed changes did not all apply');
    results.push({ bare, signed });
  }
  const best = results.reduce((a, b) => (b.signed < a.signed ? b : a));
  console.log(`bench:changes — ${KEYSTROKES} keystrokes, best of ${ROUNDS} rounds`);
  console.log(`  sign per update:            ${(sealMs * 1000).toFixed(0)} µs`);
  console.log(`  bare apply per update:      ${(best.bare * 1000).toFixed(0)} µs (baseline)`);
  console.log(`  verify+check+apply:         ${(best.signed * 1000).toFixed(0)} µs (${(best.signed / best.bare).toFixed(1)}× the baseline)`);
  console.log(`  change size: ${Math.round(changes.reduce((n, c) => n + c.length, 0) / KEYSTROKES)} bytes per keystroke against ${Math.round(updates.reduce((n, u) => n + u.length, 0) / KEYSTROKES)} bare`);
}

void main();
