import { compareCodePoints, displayName, signed } from './display-name';

describe('displayName', () => {
  it('joins name and surname with one space', () => {
    expect(displayName({ name: 'Lionel', surname: 'Messi' })).toBe(
      'Lionel Messi',
    );
  });

  it('leaves out an empty surname without a trailing space', () => {
    expect(displayName({ name: 'Pele', surname: '' })).toBe('Pele');
  });

  it('leaves out an empty name without a leading space', () => {
    expect(displayName({ name: '', surname: 'Garrincha' })).toBe('Garrincha');
  });

  it('is empty when both parts are empty', () => {
    expect(displayName({ name: '', surname: '' })).toBe('');
  });

  it('trims and changes nothing else', () => {
    expect(displayName({ name: ' Ivan  ', surname: 'Петров ' })).toBe(
      ' Ivan   Петров ',
    );
  });
});

describe('compareCodePoints', () => {
  const sorted = (names: string[]) => [...names].sort(compareCodePoints);

  it('orders uppercase before lowercase and Latin before Cyrillic', () => {
    expect(sorted(['anna', 'Борис', 'Zoe', 'Anna'])).toEqual([
      'Anna',
      'Zoe',
      'anna',
      'Борис',
    ]);
  });

  it('puts a prefix before the longer string', () => {
    expect(sorted(['Ann', 'An', 'Anna'])).toEqual(['An', 'Ann', 'Anna']);
  });

  it('orders characters above U+FFFF after U+FFxx, unlike UTF-16 order', () => {
    const astral = '\u{1F600}';
    const highBmp = '\uFF21';
    // UTF-16 comparison gets this pair the wrong way round.
    expect(astral < highBmp).toBe(true);
    expect(compareCodePoints(astral, highBmp)).toBeGreaterThan(0);
    expect(compareCodePoints(highBmp, astral)).toBeLessThan(0);
  });

  it('treats equal strings as equal', () => {
    expect(compareCodePoints('Fenerbahçe', 'Fenerbahçe')).toBe(0);
  });
});

describe('signed', () => {
  it.each([
    [5, '+5'],
    [-3, '-3'],
    [0, '0'],
  ])('writes %d as %s', (value, text) => {
    expect(signed(value)).toBe(text);
  });
});
