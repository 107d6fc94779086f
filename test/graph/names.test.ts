import { aliasKeys, isGenericKey, nameKey, searchTerms, searchWords, skeleton } from '../../src/graph/names';

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
  ])('%p and %p share a skeleton', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
    expect(skeleton(a)).not.toBe('');
  });

  test.each([
    ['Zemari Ahmadi', 'Ahmad Shah'],
    ['Kabul', 'Kandahar'],
    ['Hamas', 'Hezbollah'],
  ])('%p and %p do not', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
  });

  test('a particle alone gives no skeleton', () => {
    expect(skeleton('al')).toBe('');
    expect(skeleton('Abu al')).toBe('');
  });
});

describe('search words and terms', () => {
  test('a text gives its distinctive words and, for words of 3 letters or more, their marked skeletons', () => {
    expect(searchWords(['The driver, Zemari Ahmadi, was an aid worker.'])).toEqual(
      ['ahmadi', 'aid', 'driver', 'worker', 'zemari', '~ad', '~amd', '~drvr', '~wrkr', '~zmr'],
    );
  });

  test('a query matches another spelling through its skeleton', () => {
    const q = searchTerms('Zabiullah');
    const stored = searchWords(['Zabihullah Mujahid']);
    expect(stored).not.toContain(q.words[0]);
    expect(stored).toContain(q.skeletons[0]);
  });

  test('stop words and particles are not search terms; a short word has no skeleton', () => {
    expect(searchTerms('the al-Masoud of Kabul to')).toEqual({ words: ['masoud', 'kabul'], skeletons: ['~msd', '~kbl'] });
    expect(searchTerms('UN')).toEqual({ words: ['un'], skeletons: [''] });
  });
});
