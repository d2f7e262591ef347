import type { ChangeKind } from '../../../core/index';
import { ArgumentProblem, collectPairs, parseWord, splitWords, ZLogin, ZProductId } from './command-words';

export interface ChangeCommand {
  kind: 'change';
  productId: string;
  changeKind: ChangeKind;
  attributes: Record<string, string>;
  newOwnerLogin?: string;
}

const USAGE = 'change <productId> settings|replace key=value ... or change <productId> owner <login> [key=value ...]';

/** The words people say for the seed's three Change orders. */
const KINDS: Record<string, ChangeKind> = { settings: 'Settings', replace: 'Replace', owner: 'Change Owner' };

/**
 * `change p-42 settings displayName=Jane Doe` ("Changing Phone Settings", "Changing Line
 * Information"), `change p-42 replace phoneType=7965 macAddress=...` ("Replacing Existing
 * Phones"), `change p-42 owner rroe` ("Changing Owners of Phones"). The core decides
 * which keys a product takes and whether the change is allowed; this only splits.
 */
export function parseChangeArgs(rest: string): ChangeCommand {
  const words = splitWords(rest);
  if (words.length < 2) throw new ArgumentProblem(`"change" takes a product id and what to change: ${USAGE}.`);
  const productId = parseWord(ZProductId, words[0]!.text, 'product id');
  const changeKind = KINDS[words[1]!.text.toLowerCase()];
  if (!changeKind)
    throw new ArgumentProblem(`"${words[1]!.text.slice(0, 40)}" is not a kind of change; say settings, replace or owner: ${USAGE}.`);
  let from = 2;
  let newOwnerLogin: string | undefined;
  if (changeKind === 'Change Owner') {
    const owner = words[2];
    if (!owner || owner.eq >= 0) throw new ArgumentProblem(`Say who the new owner is: change ${productId} owner <login>.`);
    newOwnerLogin = parseWord(ZLogin, owner.text, 'subscriber login');
    from = 3;
  }
  const pairs = collectPairs(words.slice(from), 'displayName=Jane Doe');
  if (changeKind !== 'Change Owner' && pairs.length === 0) {
    throw new ArgumentProblem(`Say what to change as key=value, e.g. change ${productId} settings displayName=Jane Doe.`);
  }
  const attributes = Object.fromEntries(pairs.map((p) => [p.key, p.value]));
  return { kind: 'change', productId, changeKind, attributes, ...(newOwnerLogin ? { newOwnerLogin } : {}) };
}
