import { skeletonKeys } from '../../src/graph/resolve';
import fc from 'fast-check';
import { aliasKeys, isGenericKey, joinedSkeleton, nameKey, nameSearchWords, searchQueryTokens, searchTerms, searchText, searchWords, skeleton } from '../../src/graph/names';

/*
 * How names are recognised (docs/MODEL.md, "Names"): a name key joins
 * records, a skeleton only finds and suggests. Each case is a spelling
 * pair seen in real reporting.
 */

describe('name keys', () => {
  test.each([
    ['The Syrian Interior Ministry', 'syrian interior ministry'],
    ['syrian interior-ministry', 'syrian interior ministry'],
    ['  Médecins   Sans Frontières ', 'medecins sans frontieres'],
    ['Zemari Ahmadi', 'zemari ahmadi'],
  ])('%p has the key %p', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  test('aliases give their distinct keys, without the name\'s own', () => {
    expect(aliasKeys('Zemari Ahmadi', ['zemari ahmadi', 'Zemar Ahmadi', 'Zemar  Ahmadi', ''])).toEqual(['zemar ahmadi']);
  });

  test.each(['the family', 'officials', 'a spokesman', 'the ministry of defence', 'three senior officials', 'local residents'])('%p is generic: it names no one in particular', (name) => {
    expect(isGenericKey(nameKey(name))).toBe(true);
  });

  test.each(['the Ahmadi family', 'Afghan officials', 'Pentagon spokesman', 'Syrian Observatory for Human Rights'])('%p is distinctive', (name) => {
    expect(isGenericKey(nameKey(name))).toBe(false);
  });
});

describe('skeletons see through transliteration', () => {
  test.each([
    ['Khaled al-Masoud', 'Khalid al-Masud'],
    ['Khaled al-Masoud', 'Khaled Masoud'],
    ['Zemari Ahmadi', 'Zamarai Ahmadi'],
    ['Zabihullah Mujahid', 'Zabiullah Mujahed'],
    ['Osama', 'Usama'],
    ['Qasim', 'Kassem'],
    ['Djamel', 'Jamal'],
    ['Mohammed', 'Muhammad'],
    ['Mohammad', 'Mohamad'],
    ['Tawfik Shoukri', 'Tawfiq Shukri'],
    ['Wolodymyr', 'Volodymyr'],
    ['Tawfik Shoukri', 'Taoufik Chokri'],
    ['Dawud', 'Daoud'],
    ['Tawfik Shoukri', 'Tavfik Shukri'],
    ['Tawfik', 'Tevfik'],
    ['Serhiy Kuznetsov', 'Serhiy Kuznecov'],
    ['Kuznietsov', 'Kouznetsov'],
    ['Łukasz Łapczyński', 'Lukasz Lapczynski'],
  ])('%p and %p share a skeleton', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
    expect(skeleton(a)).not.toBe('');
  });

  test.each([
    ['Zemari Ahmadi', 'Ahmad Shah'],
    ['Kabul', 'Kandahar'],
    ['Hamas', 'Hezbollah'],
    // A "v" between vowels stays a consonant.
    ['Ivan', 'Ian'],
    ['Pavel', 'Paul'],
  ])('%p and %p do not', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
  });

  test.each([
    ['Abdel-Moneim al-Ghaithi', 'Abdulmenam al-Ghaithi'],
    ['Othman Abdul Jalil', 'Othman Abduljaleel'],
    ['Abdul Aziz', 'Abdulaziz'],
  ])('%p and %p, split and joined differently, meet as one word', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
    // The keys that suggest a possible duplicate: each name's skeleton, and the name as one word.
    const shared = skeletonKeys({ name: a, aliases: [] }).filter((k) => skeletonKeys({ name: b, aliases: [] }).includes(k));
    expect(shared).toEqual([joinedSkeleton(a)]);
  });

  test('letters NFKD leaves whole are folded: ł, ø, đ, ß, æ, œ', () => {
    expect(nameKey('Łukasz Łapczyński')).toBe('lukasz lapczynski');
    expect(nameKey('Søren Brøndby')).toBe('soren brondby');
    expect(nameKey('Đorđe Straße')).toBe('dorde strasse');
    expect(nameKey('Æsop Œuvre')).toBe('aesop oeuvre');
  });

  test('a particle alone gives no skeleton', () => {
    expect(skeleton('al')).toBe('');
    expect(skeleton('Abu al')).toBe('');
  });
});

describe('search words and terms', () => {
  test('a text gives its distinctive words and, for words of 3 letters or more, their marked skeletons', () => {
    expect(searchWords(['The driver, Zemari Ahmadi, was an aid worker.'])).toEqual(
      ['ahmadi', 'aid', 'driver', 'worker', 'zemari', '~ad', '~amd', '~drvr', '~vrkr', '~zmr'],
    );
  });

  test('a query matches another spelling through its skeleton', () => {
    const q = searchTerms('Zabiullah');
    const stored = searchWords(['Zabihullah Mujahid']);
    expect(stored).not.toContain(q.words[0]);
    expect(stored).toContain(q.skeletons[0]);
  });

  test('a name written as one word finds it written as two, and back', () => {
    const twoWords = nameSearchWords(['Abdel-Moneim al-Ghaithi']);
    expect(twoWords).toContain(searchTerms('Abdulmenam').skeletons[0]);
    const oneWord = nameSearchWords(['Abdulmenam al-Ghaithi']);
    const q = searchTerms('Abdel-Moneim');
    // The query's two words, then the two as one, matched by skeleton only.
    expect(q.words).toEqual(['abdel', 'moneim', '']);
    expect(oneWord).toContain(q.skeletons[2]);
  });

  test('stop words and particles are not search terms; a short word has no skeleton', () => {
    expect(searchTerms('the al-Masoud of Kabul to')).toEqual({ words: ['masoud', 'kabul', ''], skeletons: ['~msd', '~kbl', '~msdkbl'] });
    expect(searchTerms('UN')).toEqual({ words: ['un'], skeletons: [''] });
  });

  test('a stop word written in capitals is an acronym and is kept: "WHO" is the World Health Organization (FINDINGS.md, F50)', () => {
    expect(searchTerms('WHO').words).toEqual(['who']);
    expect(searchTerms('who said it').words).toEqual([]);
    expect(nameSearchWords(['World Health Organization', 'WHO'])).toContain('who');
    // The same word in lower case is still dropped, from a name as from a query.
    expect(searchWords(['the man who spoke'])).not.toContain('who');
    expect(searchWords(['the WHO-China joint study'])).toContain('who');
  });
});

describe('the full-text index text and the tokens a query asks it for', () => {
  it('writes words as they are, skeletons marked 0 and prefixes of 3 to 5 letters marked 1, each once', () => {
    expect(searchText(['~zlnsk', 'zelensky', 'zel'])).toBe('0zlnsk zelensky 1zel 1zele 1zelen zel');
    expect(searchQueryTokens(searchTerms('Zełenski'))).toEqual(['zelenski', '1zelen', '0zlnsk']);
    // No prefix for a word of two letters, no skeleton for a particle.
    expect(searchQueryTokens(searchTerms('al UN'))).toEqual(['un']);
  });

  /** Whether the ranking (cypher/fragments/search-ranking.cypher) gives a query word anything on a node with these words. */
  const scores = (words: readonly string[], word: string, skeleton: string): boolean =>
    words.includes(word) || (word.length >= 3 && words.some((k) => k.startsWith(word))) || (skeleton !== '' && words.includes(skeleton));

  it('asks for a token of every node the ranking would score, so the index misses no candidate', () => {
    // Words from a few letters, so that prefixes, skeletons and repeats are common.
    const word = fc.string({ unit: fc.constantFrom('a', 'e', 'o', 'u', 'k', 'h', 'l', 's', 'z', 'n', 'w', 'v', 't'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.array(word, { minLength: 1, maxLength: 3 }), (text, query) => {
        const words = nameSearchWords([text.join(' ')]);
        const indexed = new Set(searchText(words).split(' '));
        const terms = searchTerms(query.join(' '));
        const asked = searchQueryTokens(terms);
        const scored = terms.words.some((w, i) => scores(words, w, terms.skeletons[i] ?? ''));
        if (scored) expect(asked.some((t) => indexed.has(t))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a "ch" said "k" (FINDINGS.md, F16)', () => {
  it('a query reads its "ch" both ways: "Eichenberry" is also matched by the skeleton of "Eikenberry"', () => {
    const terms = searchTerms('General Eichenberry');
    expect(terms.skeletons).toContain(`~${skeleton('Eikenberry')}`);
    expect(terms.skeletons).toContain(`~${skeleton('Eichenberry')}`);
    // Every extra term is matched by skeleton only: no exact or prefix word for it.
    expect(terms.words.length).toBe(terms.skeletons.length);
  });

  it('adds nothing for a word without "ch", or whose hard reading is too short to tell names apart', () => {
    expect(searchTerms('Tawfik Shoukri').skeletons).toEqual(['~tfk', '~skr', '~tfkskr']);
    expect(searchTerms('Chokri').skeletons).toEqual([`~${skeleton('Chokri')}`]);
  });
});

describe('an apostrophe inside a word is no break (FINDINGS.md, F19)', () => {
  test.each([
    ["Qur'an", 'quran'],
    ['Qur’an', 'quran'],
    ['Qurʼan', 'quran'],
    ['Qurʻan', 'quran'],
    ['Qur`an', 'quran'],
    ['Qur´an', 'quran'],
    ["Ba'ath Party", 'baath party'],
    ["Shi'ite", 'shiite'],
    ["Abd al-Rahman al-Ma'mun", 'abd al rahman al mamun'],
    ['ʻAbd al-ʻAziz', 'abd al aziz'],
  ])('%p has the key %p', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('so every spelling of the word meets: the query "Qur\'an" matches the words of "Quran" and, by skeleton, "Koran"', () => {
    const stored = new Set([...searchWords(['Newsweek Koran desecration report']), ...searchWords(['Quran'])]);
    const terms = searchTerms("Qur'an");
    expect(terms.words).toEqual(['quran']);
    expect(stored.has('quran')).toBe(true);
    expect(stored.has(terms.skeletons[0]!)).toBe(true);
    expect(skeleton("Ba'ath")).toBe(skeleton('Baath'));
    expect(skeleton("Shi'ite")).toBe(skeleton('Shiite'));
  });

  it('keeps an English possessive and a French elision as breaks: "Newsweek\'s" still has the word "newsweek", "l\'Armée" the word "armee"', () => {
    expect(searchWords(["Newsweek's report"])).toEqual(expect.arrayContaining(['newsweek', 'report']));
    expect(searchWords(['The ministry’s spokesman'])).toEqual(expect.arrayContaining(['ministry', 'spokesman']));
    expect(nameKey("l'Armée de l'Air")).toBe('l armee de l air');
    expect(nameKey("Valéry Giscard d'Estaing")).toBe('valery giscard d estaing');
  });
});

describe('the hamza ʾ and ayn ʿ of scholarly transliteration are apostrophes (FINDINGS.md, F27)', () => {
  test.each([
    ['Abū ʿĀqlah', 'abu aqlah'],
    ['Ibn ʿAqīl', 'ibn aqil'],
    ['Abū al-Wafāʾ', 'abu al wafa'],
    ['Shiʿite', 'shiite'],
  ])('%p has the key %p', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('so "Abū ʿĀqlah" meets "Abu Akleh" and "Abu Aqleh" by skeleton, as "Ibn ʿAqīl" meets "Ibn Aqil"', () => {
    // Before: the ayn was a letter of the word ("ʿaqlah"), and the skeleton began with it.
    expect(skeleton('Abū ʿĀqlah')).toBe(skeleton('Abu Akleh'));
    expect(skeleton('Abū ʿĀqlah')).toBe(skeleton('Abu Aqleh'));
    expect(searchTerms('Ibn ʿAqīl')).toEqual(searchTerms('Ibn Aqil'));
    expect(searchWords(['Abū ʿĀqlah'])).toEqual(searchWords(['Abu Aqlah']));
  });
});

describe('a "dž" or a Turkish "c" said "j" (FINDINGS.md, F22)', () => {
  it('a query reads them as "j": "Hadžizade" (Bosnian) and "Hacızade" (Turkish) are also matched by the skeleton of "Hajizadeh"', () => {
    for (const spelling of ['Hadžizade', 'Hadžizadeh', 'Hacızade', 'Emir Ali Hacızade']) {
      expect([spelling, searchTerms(spelling).skeletons]).toEqual([spelling, expect.arrayContaining([`~${skeleton('Hajizadeh')}`])]);
    }
    expect(searchTerms('Cemal').skeletons).toContain(`~${skeleton('Jamal')}`);
    const terms = searchTerms('Hadžizade');
    expect(terms.words.length).toBe(terms.skeletons.length);
    expect(terms.words.filter((w) => w !== '')).toEqual(['hadzizade']);
  });

  it('adds nothing where there is no "dz" or lone "c", or the reading is the same: "Chokri", "Eichenberry", "Abdel"', () => {
    expect(searchTerms('Chokri').skeletons).toEqual([`~${skeleton('Chokri')}`]);
    expect(searchTerms('Abdel').skeletons).toEqual([`~${skeleton('Abdel')}`]);
    expect(searchTerms('Eichenberry').skeletons).toEqual([`~${skeleton('Eichenberry')}`, '~aknbr']);
  });
});

describe('Tajik names through Russian and English, and Latin Slavic letters (FINDINGS.md, F40)', () => {
  it('a query reads "zh" and "kh" of the Russian transliteration as "j" and "h": "Dalerzhon", "Mukhammadsobir", "Khamidov" meet "Dalerjon", "Muhammadsobir", "Hamidov"', () => {
    expect(searchTerms('Dalerzhon').skeletons).toContain(`~${skeleton('Dalerjon')}`);
    expect(searchTerms('Mukhammadsobir').skeletons).toContain(`~${skeleton('Muhammadsobir')}`);
    expect(searchTerms('Khamidov').skeletons).toContain(`~${skeleton('Hamidov')}`);
  });

  it('a query reads a "j" inside a word as the Russian "ch" of the Tajik "ҷ": "Rajabalizoda" meets "Rachabalizoda", "Aminjon" meets "Aminchon"', () => {
    expect(searchTerms('Rajabalizoda').skeletons).toContain(`~${skeleton('Rachabalizoda')}`);
    expect(searchTerms('Aminjon').skeletons).toContain(`~${skeleton('Aminchon')}`);
    // Not a leading "j", nor the "j" of "dj": "John" is not read "Chohn".
    expect(searchTerms('John').skeletons).toEqual([`~${skeleton('John')}`]);
  });

  it('a query reads Polish "j", "sz", "cz" as "y", "sh", "ch": "Podoljak" meets "Podolyak", "Patruszew" meets "Patrushev"', () => {
    expect(searchTerms('Podoljak').skeletons).toContain(`~${skeleton('Podolyak')}`);
    expect(searchTerms('Patruszew').skeletons).toContain(`~${skeleton('Patrushev')}`);
  });

  it('adds nothing to a word none of these letters is in', () => {
    expect(searchTerms('Fariduni').skeletons).toEqual([`~${skeleton('Fariduni')}`]);
  });
});

describe('Cyrillic, the two readings of "г", German "tsch" and a dropped háček (FINDINGS.md, F95)', () => {
  it('a query in Cyrillic meets the English transliteration: "Гончаренко", "Басурин", "Точка", "Краматорськ", "Стешин"', () => {
    expect(searchTerms('Гончаренко').skeletons).toContain(`~${skeleton('Honcharenko')}`);
    expect(searchTerms('Басурин').skeletons).toContain(`~${skeleton('Basurin')}`);
    expect(searchTerms('Точка').skeletons).toContain(`~${skeleton('Tochka')}`);
    expect(searchTerms('Краматорськ').skeletons).toContain(`~${skeleton('Kramatorsk')}`);
    expect(searchTerms('Стешин').skeletons).toContain(`~${skeleton('Steshin')}`);
  });

  it('reads the Cyrillic "г" both as the Ukrainian "h" and the Russian "g": "Гончаренко" meets "Honcharenko", "Герасимов" meets "Gerasimov"', () => {
    expect(searchTerms('Герасимов').skeletons).toContain(`~${skeleton('Gerasimov')}`);
    expect(searchTerms('Goncharenko').skeletons).toContain(`~${skeleton('Honcharenko')}`);
  });

  it('reads German "tsch" and a lone "c" as "ch": "Totschka" and "Tocka" meet "Tochka"', () => {
    expect(searchTerms('Totschka').skeletons).toContain(`~${skeleton('Tochka')}`);
    expect(searchTerms('Točka').skeletons).toContain(`~${skeleton('Tochka')}`);
    expect(searchTerms('Tocka').skeletons).toContain(`~${skeleton('Tochka')}`);
  });

  it('reads a "v" as the Polish "w": "Venediktova" meets "Wenediktowa"', () => {
    expect(searchTerms('Venediktova').skeletons).toContain(`~${skeleton('Wenediktowa')}`);
  });

  it('leaves a Latin word without these letters as it was', () => {
    expect(searchTerms('Kamyshin').skeletons).toEqual([`~${skeleton('Kamyshin')}`]);
  });
});

describe('Dutch, German and French spellings of Russian names, and Cyrillic (FINDINGS.md, F80)', () => {
  it('a query reads "tsj", "tsch", "tch" as "ch" and a leading "ch" as "kh": "Chartsjenko", "Chartchenko", "Charchenko" meet "Kharchenko"', () => {
    for (const spelling of ['Chartsjenko', 'Chartchenko', 'Charchenko']) {
      expect([spelling, searchTerms(spelling).skeletons]).toEqual([spelling, expect.arrayContaining([`~${skeleton('Kharchenko')}`])]);
    }
    expect(searchTerms('Chruschtschow').skeletons).toContain(`~${skeleton('Khrushchov')}`);
  });

  it('a query reads Cyrillic in the English transliteration: "Харченко", "Гиркин", "Пулатов" meet "Kharchenko", "Girkin", "Pulatov"', () => {
    expect(searchTerms('Харченко').skeletons).toContain(`~${skeleton('Kharchenko')}`);
    expect(searchTerms('Игор Гиркин').skeletons).toContain(`~${skeleton('Girkin')}`);
    expect(searchTerms('Пулатов').skeletons).toContain(`~${skeleton('Pulatov')}`);
    expect(searchTerms('Алмаз-Антей').skeletons).toEqual(expect.arrayContaining([`~${skeleton('Almaz')}`, `~${skeleton('Antey')}`]));
  });

  it('leaves the "ch" of a word that does not begin with it, and a Latin word without these letters, as they were', () => {
    expect(searchTerms('Fariduni').skeletons).toEqual([`~${skeleton('Fariduni')}`]);
    // "Richard": the inner "ch" keeps only the readings it had ("k"), no "kh".
    expect(searchTerms('Richard').skeletons.every((s) => !s.includes('kh'))).toBe(true);
  });
});

describe('a leading French "tch", the German and Polish "w" (FINDINGS.md, F105)', () => {
  it('a query reads a leading "tch" as "ch", not as the Dutch "kh": "Tchepiga" meets "Chepiga"', () => {
    expect(searchTerms('Tchepiga').skeletons).toContain(`~${skeleton('Chepiga')}`);
    // A leading "ch" is still also the Dutch "х".
    expect(searchTerms('Charchenko').skeletons).toContain(`~${skeleton('Kharchenko')}`);
  });

  it('a query reads the German "w" with "tsch", and the Polish "w" with "cz", as "v": "Nowitschok" and "nowiczok" meet "Novichok"', () => {
    expect(searchTerms('Nowitschok').skeletons).toContain(`~${skeleton('Novichok')}`);
    expect(searchTerms('nowiczok').skeletons).toContain(`~${skeleton('Novichok')}`);
    expect(searchTerms('Patruszew').skeletons).toContain(`~${skeleton('Patrushev')}`);
  });
});
