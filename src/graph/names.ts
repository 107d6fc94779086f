/**
 * How the graph recognises a name it already holds, and how search reads
 * names spelled several ways (docs/MODEL.md, "Names").
 *
 * - A *name key* is the name lower-cased, with accents, punctuation and a
 *   leading "the" removed and spaces collapsed: "The Syrian Interior
 *   Ministry", "syrian interior ministry" and "Syrian Interior-Ministry" all
 *   give "syrian interior ministry". Records whose keys are equal are one
 *   record, unless the key is *generic*.
 * - A key is *generic* when no word of it is distinctive: "the family",
 *   "officials", "a spokesman", "the ministry of defence" could be anybody's.
 *   Generic keys never merge records by themselves; an import lists them as
 *   possible matches for an editor.
 * - A *skeleton* is a word reduced to what survives transliteration:
 *   "Khaled al-Masoud", "Khalid al-Masud" and "Khaled Masoud" all give
 *   "kld msd". Skeletons never merge anything: they let search find every
 *   spelling and suggest possible duplicates.
 */

/** Words with no content: articles, prepositions, conjunctions and numerals that names are built with. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'of', 'for', 'and', 'or', 'in', 'on', 'at', 'to', 'by', 'from', 'with', 'de', 'du', 'des', 'la', 'le', 'les', 'der', 'die', 'das',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'some', 'many', 'other', 'another', 'his', 'her', 'their', 'its',
  'who', 'that', 'which', 'said', 'says', 'speaking', 'condition', 'anonymity', 'anonymously', 'unnamed', 'unidentified', 'named', 'not',
  'is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'had', 'have', 'he', 'she', 'it', 'they', 'we', 'you', 'him', 'them', 'this', 'these',
  'those', 'as', 'but', 'if', 'than', 'then', 'there', 'into', 'over', 'no', 'so', 'also', 'would', 'could', 'will', 'did', 'do', 'does',
]);

/**
 * Common nouns of roles, groups and institutions: a name made only of these
 * (and stop words) names no one in particular. Nationalities and proper
 * nouns are distinctive and deliberately absent.
 */
const GENERIC_WORDS = new Set([
  // people and groups
  'family', 'families', 'relative', 'relatives', 'mother', 'father', 'brother', 'sister', 'son', 'daughter', 'wife', 'husband', 'cousin', 'uncle',
  'resident', 'residents', 'neighbour', 'neighbours', 'neighbor', 'neighbors', 'witness', 'witnesses', 'eyewitness', 'eyewitnesses', 'people', 'person',
  'man', 'men', 'woman', 'women', 'local', 'locals', 'villager', 'villagers', 'activist', 'activists', 'journalist', 'journalists', 'reporter', 'reporters',
  'doctor', 'doctors', 'medic', 'medics', 'nurse', 'nurses', 'survivor', 'survivors', 'victim', 'victims', 'friend', 'friends', 'colleague', 'colleagues',
  // officials and roles
  'official', 'officials', 'spokesman', 'spokesmen', 'spokeswoman', 'spokesperson', 'spokespeople', 'representative', 'representatives', 'source', 'sources',
  'officer', 'officers', 'commander', 'commanders', 'soldier', 'soldiers', 'leader', 'leaders', 'member', 'members', 'staff', 'employee', 'employees',
  'minister', 'ministers', 'president', 'prime', 'director', 'head', 'chief', 'deputy', 'senior', 'junior', 'former', 'top', 'high', 'ranking', 'level',
  'analyst', 'analysts', 'expert', 'experts', 'investigator', 'investigators', 'lawyer', 'lawyers', 'diplomat', 'diplomats', 'authorities', 'authority',
  // institutions
  'ministry', 'department', 'office', 'agency', 'army', 'military', 'police', 'government', 'administration', 'council', 'committee', 'command', 'forces',
  'force', 'security', 'intelligence', 'defence', 'defense', 'interior', 'foreign', 'affairs', 'health', 'justice', 'state', 'national', 'general',
  'federal', 'public', 'central', 'hospital', 'court', 'parliament', 'embassy', 'group', 'faction', 'militia', 'service', 'services', 'company',
  'report', 'statement', 'spokesperson\'s', 'press', 'media', 'news', 'newspaper', 'outlet', 'agencies', 'coalition', 'monitor', 'organisation',
  'organization', 'union', 'party', 'movement', 'team', 'unit', 'board', 'bureau', 'inquiry', 'investigation', 'initial', 'assumptions', 'local',
]);

/** Particles that transliterations keep or drop at will: "al-Masoud", "el Masud", "Masoud". */
const PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ul', 'bin', 'ben', 'ibn', 'abu', 'abou', 'bint', 'van', 'von', 'der', 'de', 'la', 'da', 'di']);

/** A name or text lower-cased, without accents or punctuation, words separated by single spaces. */
export function normalizeText(text: string): string {
  return text
    .replace(INNER_APOSTROPHE, '')
    // ʼ ʻ, and the hamza ʾ and ayn ʿ of scholarly transliteration, are letters to Unicode (modifier
    // letters), so elsewhere they would stick to a word: "ʻAbd" is "abd", "Abū ʿĀqlah" "abu aqlah".
    .replace(/[ʼʻʾʿ]/g, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđßæœıþð]/g, (letter) => FOLDED[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * An apostrophe (or a mark typed for one: ’ ‘ ʼ ʻ ` ´, or the hamza ʾ and ayn ʿ of scholarly
 * transliteration: "Shiʿite", "Muʿtazila") between two letters, which is no break:
 * "Qur'an" is "quran" (as "Quran", and by skeleton "Koran"), "Ba'ath" "baath", "Shi'ite" "shiite",
 * "al-Ma'mun" "al mamun" (F19). Two exceptions stay breaks, as the words around them are words of
 * their own: an English possessive "'s" ending a word ("Newsweek's" finds "Newsweek") and a French
 * or Italian elision "l'", "d'" opening one ("l'Armée" finds "Armée"). Removed before NFKD, which
 * would turn "´" into a space and an accent.
 */
const INNER_APOSTROPHE = /(?<=[\p{L}\p{M}])(?<!(?:^|[^\p{L}\p{M}])[ldLD])['’‘ʼʻʾʿ`´](?=\p{L})(?![sS](?![\p{L}\p{M}]))/gu;

/**
 * The version of the keys and search words stored with every record (name keys, alias keys,
 * skeleton keys, search words and text), which the functions of this module make. A store whose
 * marker records an older version has them rebuilt once when it is opened (src/store/name-keys.ts):
 * 1 split words at every apostrophe; 2 joins them (F19); 3 reads the hamza ʾ and ayn ʿ as apostrophes
 * (F27: "Abū ʿĀqlah" was the word "ʿaqlah", whose skeleton began with the ayn); 4 keeps a stop word
 * written as an acronym ("WHO") among the search words (F50); 5 rewrites every claim's standing with
 * them, since a claim's status leaves out its parties' voices and name keys are how a source is
 * found to be an entity a claim is about (F73).
 */
export const NAME_KEYS_VERSION = 5;

/** Letters that NFKD leaves whole, as they are written without their stroke or ligature: "Łapczyński" is typed "Lapczynski". */
const FOLDED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd' };

/** The name key: normalised, with a leading "the" removed. */
export function nameKey(name: string): string {
  return normalizeText(name).replace(/^the /, '');
}

/** The distinct name keys of every alias, without the name's own key. */
export function aliasKeys(name: string, aliases: readonly string[]): string[] {
  const own = nameKey(name);
  return [...new Set(aliases.map(nameKey))].filter((k) => k !== '' && k !== own);
}

/** Whether a name key names no one in particular: none of its words is distinctive. */
export function isGenericKey(key: string): boolean {
  return key.split(' ').every((word) => word === '' || STOP_WORDS.has(word) || GENERIC_WORDS.has(word) || /^\d+$/.test(word));
}

/** Skeletons already worked out: names and texts repeat their words a great deal. */
const skeletons = new Map<string, string>();

/** One word reduced to its consonant skeleton (see the module comment). Empty for a particle. */
export function skeletonWord(word: string): string {
  let known = skeletons.get(word);
  if (known === undefined) {
    known = computeSkeleton(word);
    // Bounded, so that a long import does not keep every word it ever saw.
    if (skeletons.size > 100_000) skeletons.clear();
    skeletons.set(word, known);
  }
  return known;
}

/**
 * Other ways a query word may be said, as the spelling of another language writes it: each a
 * rewrite of the (normalised) word before its skeleton is taken. Only queries read them: a stored
 * name keeps its one skeleton, so the spelling a page prints finds the record either way.
 * - "ch" said "k" (German and English: Eichenberry for Eikenberry; the skeleton reads "sh", F16);
 * - "dz" (the Serbo-Croatian and Polish "dž", "dż", marks folded away) and a "c" not in "ch" or
 *   "ck" (Turkish) said "j": Hadžizade, Hacızade for Hajizadeh; Cemal for Jamal (F22);
 * - the English transliteration of Russian: "zh" (ж) said "j" and "kh" (х) said "h": Dalerzhon for
 *   Dalerjon, Mukhammadsobir for Muhammadsobir, Khamidov for Hamidov (F40);
 * - a "j" inside a word said "ch": the Tajik "ҷ" is written with the Russian "ч", so a Tajik
 *   spelling (Rajabalizoda) meets the Russian one (Rachabalizoda) (F40);
 * - Polish and other Latin Slavic letters: "j" said "y", "sz" said "sh", "cz" said "ch", "w" said
 *   "v": Podoljak for Podolyak, Patruszew for Patrushev (F40), nowiczok for Novichok (F105);
 * - a word in Cyrillic, transliterated as English does, its "г" read both ways: "h" as Ukrainian
 *   says it, "g" as Russian does: Гончаренко for Honcharenko, Басурин for Basurin, Точка-У for
 *   Tochka-U (F95);
 * - the Russian "г" that Ukrainian says "h": Goncharenko for Honcharenko (F95);
 * - the German "tsch" for "ch", with the German "w" for "v": Totschka for Tochka, Gontscharenko
 *   (F95), Nowitschok for Novichok (F105);
 * - a "c" not in "ch", a "č" whose háček was dropped: Tocka, Točka for Tochka (F95);
 * - a "v" written as Polish and German write it, "w": Venediktova for Wenediktowa (F95);
 * - the Dutch and French letters for the Russian "ч" and "ш", and the Dutch "ch" for "х": "tsj"
 *   and "tch" said "ch", "sj" and "sch" said "sh", a leading "ch" said "kh": Chartsjenko,
 *   Chartchenko and Charchenko for Kharchenko (F80); a leading "tch" stays "ch": Tchepiga for
 *   Chepiga (F105).
 */
const QUERY_READINGS: readonly ((word: string) => string)[] = [
  (w) => w.replace(/ch/g, 'k'),
  (w) => w.replace(/dz/g, 'j').replace(/c(?![hk])/g, 'j'),
  (w) => w.replace(/zh/g, 'j').replace(/kh/g, 'h'),
  (w) => w.replace(/(?<=[^d])j/g, 'ch'),
  (w) => w.replace(/sz/g, 'sh').replace(/cz/g, 'ch').replace(/j/g, 'y').replace(/w/g, 'v'),
  // Only a "ch" the word begins with is the Dutch "х": a leading "tch" is the French "ч" (Tchepiga).
  (w) => w.replace(/^ch/, 'kh').replace(/t(?:sj|sch|ch)/g, 'ch').replace(/s(?:j|ch)/g, 'sh'),
  (w) => fromCyrillic(w, 'h'),
  (w) => fromCyrillic(w, 'g'),
  (w) => w.replace(/g/g, 'h'),
  (w) => w.replace(/tsch/g, 'ch').replace(/w/g, 'v'),
  (w) => w.replace(/c(?!h)/g, 'ch'),
  (w) => w.replace(/v/g, 'w'),
];

/**
 * Cyrillic letters (Russian, Ukrainian, Belarusian, Bulgarian, after {@link normalizeText}, which
 * has taken the breve of "й" and the dots of "ё" and "ї") as English transliterates them; "г" as
 * given. Soft and hard signs are dropped; the Bulgarian "ъ" is a vowel, which skeletons drop too.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', ґ: 'g', д: 'd', е: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A normalised word with its Cyrillic letters in Latin, "г" written `g`; other letters as they are. */
function fromCyrillic(word: string, g: 'g' | 'h'): string {
  return word.replace(/[Ѐ-ӿ]/g, (letter) => (letter === 'г' ? g : CYRILLIC[letter] ?? letter));
}

/** The skeletons of a query word's {@link QUERY_READINGS} that differ from its own skeleton. */
export function otherReadingSkeletons(word: string): string[] {
  const w = normalizeText(word).replace(/ /g, '');
  const own = skeletonWord(word);
  const found = new Set<string>();
  for (const read of QUERY_READINGS) {
    const said = read(w);
    if (said === w) continue;
    const other = computeSkeleton(said);
    if (other !== own) found.add(other);
  }
  return [...found];
}

function computeSkeleton(word: string): string {
  const w = normalizeText(word).replace(/ /g, '');
  if (w === '' || PARTICLES.has(w)) return '';
  const spelled = w
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/ch/g, 'sh') // French transliteration: Chokri, Shoukri (a query also tries "k": QUERY_READINGS)
    .replace(/q/g, 'k')
    .replace(/t[sz]/g, 'c') // Slavic ц: Kuznetsov, Kuznecov
    .replace(/c(?![eiy])/g, 'k')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/dj/g, 'j')
    .replace(/^w/, 'v'); // Wladimir, Vladimir; Wołodymyr, Volodymyr
  // The first letter stays (a leading vowel as "a": Osama, Usama). Later, a "w" after a vowel is a
  // vowel (Tawfik, Taoufik; Dawud, Daoud), and so is a "v" between a vowel and a consonant (Tavfik,
  // Tevfik, Tawfik); later vowels go, and so does a later "h", which transliterations add and drop
  // at will (Zabihullah, Zabiullah; Khalid, Kalid).
  const first = /[aeiou]/.test(spelled[0] ?? '') ? 'a' : (spelled[0] ?? '');
  const rest = spelled.slice(1).replace(/([aeiouy])w/g, '$1').replace(/([aeiouy])v(?![aeiouy])/g, '$1');
  return (first + rest.replace(/[aeiouyh]/g, '')).replace(/(.)\1+/g, '$1');
}

/** The skeleton of a whole name: its words' skeletons, particles dropped ("kld msd"). */
export function skeleton(name: string): string {
  return nameWords(name)
    .map(skeletonWord)
    .filter((w) => w !== '')
    .join(' ');
}

/** A name's words, particles dropped. */
const nameWords = (name: string): string[] => normalizeText(name).split(' ').filter((w) => w !== '' && !PARTICLES.has(w));

/**
 * The skeleton of a name written as one word ("abdlmnmgt"): transliterations
 * split and join words at will (Abdel-Moneim, Abdulmenam; Abdul Jalil,
 * Abduljaleel). Empty for a name of one word (its skeleton says it all).
 */
export function joinedSkeleton(name: string): string {
  const words = nameWords(name);
  return words.length < 2 ? '' : skeletonWord(words.join(''));
}

/**
 * The stop words and particles of `text` written in capitals, as an acronym is ("WHO", the World
 * Health Organization; "AT", "AN"): search keeps them (F50), where "who" or "at" would be dropped.
 * A headline in capitals keeps its stop words too: they only add candidates, which ranking orders.
 */
function acronyms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu)) {
    const word = normalizeText(m[0]);
    if (STOP_WORDS.has(word) || PARTICLES.has(word)) out.add(word);
  }
  return out;
}

/**
 * The words search matches a text by: every distinctive-enough word of its
 * normalised form (stop words and one-letter words dropped) and, for words
 * of three letters or more, their skeletons marked with a leading `~`, so
 * an exact word and a skeleton never collide.
 */
export function searchWords(texts: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (text === null || text === undefined) continue;
    const kept = acronyms(text);
    for (const word of normalizeText(text).split(' ')) {
      if (word.length < 2 || ((STOP_WORDS.has(word) || PARTICLES.has(word)) && !kept.has(word))) continue;
      words.add(word);
      if (word.length >= 3) {
        const s = skeletonWord(word);
        if (s.length >= 2) words.add(`~${s}`);
      }
    }
  }
  return [...words].sort();
}

/**
 * The search words of names (a source's or entity's name and aliases): those
 * of {@link searchWords}, and the joined skeleton of each two adjacent words,
 * so that a name written as one word finds it written as two, and back.
 */
export function nameSearchWords(names: readonly string[]): string[] {
  const words = new Set(searchWords(names));
  for (const name of names) for (const s of adjacentJoined(nameWords(name))) words.add(s);
  return [...words].sort();
}

/** The joined skeletons (marked) of each two adjacent words of 2 letters or more. */
function adjacentJoined(words: readonly string[]): string[] {
  const out: string[] = [];
  const kept = words.filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  for (let i = 0; i + 1 < kept.length; i++) {
    const s = skeletonWord(`${kept[i]}${kept[i + 1]}`);
    if (s.length >= 3) out.push(`~${s}`);
  }
  return out;
}

/**
 * How a search query is matched: each of its words, exactly or as a prefix
 * (3 letters or more), and by skeleton. Words are those of {@link searchWords}.
 */
export interface SearchTerms {
  /** The query's words, normalised. */
  words: string[];
  /** Their skeletons, marked with `~`, one per word (empty string where a word has none). */
  skeletons: string[];
}

export function searchTerms(query: string): SearchTerms {
  const kept = acronyms(query);
  const words = [...new Set(normalizeText(query).split(' ').filter((w) => w.length >= 1 && (kept.has(w) || !(STOP_WORDS.has(w) || PARTICLES.has(w)))))];
  const skeletons = words.map((w) => (w.length >= 3 && skeletonWord(w).length >= 2 ? `~${skeletonWord(w)}` : ''));
  // Each two adjacent words also as one (a name written as one word), matched by skeleton only:
  // an empty word matches nothing exactly or as a prefix.
  const joined = adjacentJoined(words).filter((s) => !skeletons.includes(s));
  // A "ch" said "k" (Eichenberry for Eikenberry), and a "dž" or Turkish "c" said "j" (Hadžizade,
  // Hacızade for Hajizadeh), also matched by skeleton only.
  const readings = words.filter((w) => w.length >= 3).flatMap(otherReadingSkeletons);
  const otherReadings = [...new Set(readings.filter((h) => h.length >= 3).map((h) => `~${h}`))].filter((h) => !skeletons.includes(h) && !joined.includes(h));
  const extra = [...joined, ...otherReadings];
  return { words: [...words, ...extra.map(() => '')], skeletons: [...skeletons, ...extra] };
}

/**
 * Prefix lengths the full-text index holds for each word longer than them:
 * neither engine's index is asked for prefixes the same way (Grafeo's BM25
 * has no prefix query), so a word's first 3, 4 and 5 letters are tokens of
 * their own. A query word of 6 letters or more asks for its first 5: a
 * superset, which the ranking (cypher/fragments/search-ranking) narrows.
 */
const PREFIX_LENGTHS = [3, 4, 5] as const;
const SHORTEST_PREFIX = 3;
const LONGEST_PREFIX = 5;

/**
 * The text a node's full-text index holds (docs/MODEL.md, "Search"), built
 * from its {@link searchWords}: each word as it is, each skeleton `~kld` as
 * `0kld` and each prefix as `1zel`. Both engines' tokenizers keep a token
 * of letters and digits whole (a `~` or `_` would split or vanish), and a
 * normalised word never begins with a digit followed by these, so the three
 * kinds never meet by accident; a meeting would only add a candidate.
 */
export function searchText(words: readonly string[]): string {
  const tokens = new Set<string>();
  for (const word of words) {
    if (word.startsWith('~')) {
      tokens.add(`0${word.slice(1)}`);
      continue;
    }
    tokens.add(word);
    for (const n of PREFIX_LENGTHS) if (word.length > n) tokens.add(`1${word.slice(0, n)}`);
  }
  return [...tokens].join(' ');
}

/**
 * The tokens a query asks the full-text index for: every node whose words a
 * query word matches (exactly, as a prefix, by skeleton) holds one of them,
 * so the index finds every candidate the ranking could score.
 */
export function searchQueryTokens(terms: SearchTerms): string[] {
  const tokens = new Set<string>();
  terms.words.forEach((word, i) => {
    if (word !== '') {
      tokens.add(word);
      if (word.length >= SHORTEST_PREFIX) tokens.add(`1${word.slice(0, Math.min(word.length, LONGEST_PREFIX))}`);
    }
    const skeleton = terms.skeletons[i] ?? '';
    if (skeleton !== '') tokens.add(`0${skeleton.slice(1)}`);
  });
  return [...tokens];
}

/** A node's search text made from its search words, as the write rows carry it (the words themselves are not stored: the ranking reads the text). */
export const withSearchText = (words: string[]): { searchText: string } => ({ searchText: searchText(words) });
