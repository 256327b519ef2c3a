//! Country and city names in the six languages: from CLDR (`server/data/places.tsv`, written by
//! `server/data/gen_places.py`) its countries and time-zone cities; from GeoNames
//! (`server/data/cities.tsv`, written by `server/data/gen_cities.py`; CC BY 4.0, geonames.org)
//! every capital and every city of half a million people, in Latin, Arabic, Devanagari and Han
//! script. "Almaty", "Alma Ata", "ألماتي", "अल्माटी" and "阿拉木图" are one place; so are
//! "Frankfurt", "فرانكفورت" and "法兰克福", which are then places, not names.

use super::text::{Script, Token, tokens};
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../../data/places.tsv");
const CITIES: &str = include_str!("../../../data/cities.tsv");

/// Longest place name, in tokens (Latin, Arabic, Devanagari) and in Han characters.
const MAX_WORDS: usize = 4;
const MAX_HAN: usize = 8;

pub struct Gazetteer {
    /// Folded words joined by one space → the place's key (`KZ`, `Almaty`).
    words: HashMap<String, &'static str>,
    /// The first word of each name in `words` → the most words a name starting with it has:
    /// most words start none, and are passed over with one lookup.
    first: HashMap<String, usize>,
    han: HashMap<String, &'static str>,
    /// The first character of each name in `han` → the most characters such a name has.
    han_first: HashMap<char, usize>,
}

/// CLDR's names first: a name both tables have keeps CLDR's key.
pub static PLACES: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(&[TABLE, CITIES]));

impl Gazetteer {
    fn parse(tables: &[&'static str]) -> Gazetteer {
        let mut words = HashMap::new();
        let mut first = HashMap::new();
        let mut han = HashMap::new();
        let mut han_first = HashMap::new();
        let rows = tables
            .iter()
            .flat_map(|t| t.lines().skip_while(|l| l.starts_with('#')).skip(1));
        for line in rows {
            let mut cols = line.split('\t');
            let (Some(_kind), Some(key), Some(_lang), Some(name)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let toks = tokens(name);
            if toks.is_empty() {
                continue;
            }
            if toks.iter().all(|t| t.script == Script::Han) {
                let name: String = toks.iter().map(|t| t.text.as_str()).collect();
                if let Some(c) = name.chars().next() {
                    let longest = han_first.entry(c).or_insert(0);
                    *longest = name.chars().count().max(*longest);
                }
                han.entry(name).or_insert(key);
            } else if toks.len() <= MAX_WORDS {
                words.entry(joined(&toks)).or_insert(key);
                let longest = first.entry(toks[0].text.clone()).or_insert(0);
                *longest = toks.len().max(*longest);
            }
        }
        Gazetteer {
            words,
            first,
            han,
            han_first,
        }
    }

    /// The places named in `toks`: each place's key, the tokens it covers (start, count) and
    /// the name as written; Han runs are searched inside, and may hold several.
    pub fn find(&self, toks: &[Token]) -> Vec<(&'static str, usize, usize, String)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].script == Script::Han {
                self.find_in_han(&toks[i].text, i, &mut found);
                i += 1;
                continue;
            }
            // The most words a name starting here may have (none: no name starts here).
            let longest = if toks[i].script == Script::Arabic {
                // Every first word a phrase starting here is looked up under
                // (`arabic_variants`: "والكويت" as "الكويت"), and the word without each prefix
                // whatever its length: `strip_arabic_prefix` counts what is left of the whole
                // phrase. Every Arabic word of every article comes here: slices, not copies.
                let text = toks[i].text.as_str();
                let article = ['و', 'ب', 'ف', 'ك', 'ل']
                    .iter()
                    .filter_map(|&one| text.strip_prefix(one));
                let bare = ARABIC_PREFIXES.iter().filter_map(|p| text.strip_prefix(p));
                let mut longest = std::iter::once(text)
                    .chain(article)
                    .chain(bare)
                    .filter_map(|w| self.first.get(w))
                    .max()
                    .copied();
                if let Some(rest) = text.strip_prefix("لل") {
                    longest = longest.max(self.first.get(&format!("ال{rest}")).copied());
                }
                longest
            } else {
                self.first.get(&toks[i].text).copied()
            };
            let mut matched = 0;
            for n in (1..=longest.unwrap_or(0).min(toks.len() - i)).rev() {
                let window = &toks[i..i + n];
                if window
                    .iter()
                    .any(|t| t.script == Script::Han || t.script == Script::Number)
                {
                    continue;
                }
                // In English, German and French a place is written with a capital: "vine" is
                // not Vienna.
                if window[0].script == Script::Latin && !window[0].capitalized {
                    continue;
                }
                let phrase = joined(window);
                // "ألماتي" starts with the letters of the article; "بالعراق" with "in the".
                let key = self.words.get(&phrase).or_else(|| {
                    if window[0].script != Script::Arabic {
                        return None;
                    }
                    arabic_variants(&phrase)
                        .iter()
                        .find_map(|v| self.words.get(v))
                });
                if let Some(key) = key {
                    found.push((*key, i, n, written(window)));
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
        found
    }

    fn find_in_han(
        &self,
        run: &str,
        token: usize,
        found: &mut Vec<(&'static str, usize, usize, String)>,
    ) {
        let chars: Vec<char> = run.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let mut step = 1;
            if let Some((key, n)) = self.han_place(&chars, i) {
                found.push((key, token, 1, chars[i..i + n].iter().collect()));
                step = n;
            }
            i += step;
        }
    }

    /// Whether the Han text at `chars` starting at `i` begins a place name; its length.
    pub fn han_place_len(&self, chars: &[char], i: usize) -> Option<usize> {
        self.han_place(chars, i).map(|(_, n)| n)
    }

    /// The longest place name the Han text at `chars` starting at `i` begins with: its key and
    /// length. Asked at every character of every Chinese article.
    fn han_place(&self, chars: &[char], i: usize) -> Option<(&'static str, usize)> {
        let longest = *self.han_first.get(&chars[i])?;
        let mut name = String::with_capacity(4 * MAX_HAN);
        (2..=longest.min(MAX_HAN).min(chars.len() - i))
            .rev()
            .find_map(|n| {
                name.clear();
                name.extend(&chars[i..i + n]);
                self.han.get(name.as_str()).map(|key| (*key, n))
            })
    }
}

fn written(toks: &[Token]) -> String {
    toks.iter()
        .map(|t| t.raw.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn joined(toks: &[Token]) -> String {
    toks.iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How an Arabic name may stand in the table: "والولايات المتحدة" as "الولايات المتحدة"
/// (and the United States), "بباريس" as "باريس" (in Paris), "للسودان" as "السودان", or
/// without its article. Asked only where the phrase as written is no place ("لندن" is London,
/// not "ندن").
fn arabic_variants(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for one in ['و', 'ب', 'ف', 'ك', 'ل'] {
        if let Some(rest) = phrase.strip_prefix(one)
            && rest.chars().count() >= 3
        {
            out.push(rest.to_string());
        }
    }
    if let Some(rest) = phrase.strip_prefix("لل") {
        out.push(format!("ال{rest}"));
    }
    out.push(strip_arabic_prefix(phrase).to_string());
    out
}

/// "And the", "in the", "to the", "so the", "as the", "the", written onto an Arabic word.
const ARABIC_PREFIXES: [&str; 6] = ["وال", "بال", "لل", "فال", "كال", "ال"];

/// Arabic writes "and", "in", "to" and "the" onto the word: "والكويت", "بالعراق", "للسودان".
pub fn strip_arabic_prefix(word: &str) -> &str {
    for prefix in ARABIC_PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= 3
        {
            return rest;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<&'static str> {
        PLACES
            .find(&tokens(text))
            .into_iter()
            .map(|(k, ..)| k)
            .collect()
    }

    #[test]
    fn one_place_in_six_languages() {
        assert_eq!(places("protests in Almaty"), ["Almaty"]);
        assert_eq!(places("manifestants tués à Alma Ata"), ["Almaty"]);
        assert_eq!(places("احتجاجات ألماتي"), ["Almaty"]);
        assert_eq!(places("阿拉木图的抗议"), ["Almaty"]);
        assert_eq!(places("Kasachstan"), ["KZ"]);
        assert_eq!(places("कज़ाखस्तान"), ["KZ"]);
        assert_eq!(places("United States and Japan"), ["US", "JP"]);
        assert_eq!(places("والولايات المتحدة"), ["US"]);
        // "And", "in", "to the" written onto a name.
        assert_eq!(places("والكويت"), ["KW"]);
        assert_eq!(places("بالعراق"), ["IQ"]);
        assert_eq!(places("للسودان"), ["SD"]);
        assert_eq!(places("بباريس ولندن"), ["Paris", "London"]);
        assert_eq!(
            places("俄罗斯领导的集体安全条约组织向哈萨克斯坦派兵"),
            ["RU", "KZ"]
        );
    }

    #[test]
    fn geonames_cities_in_four_scripts_and_never_an_ordinary_word() {
        assert_eq!(
            places("Flughafen Frankfurt gesperrt"),
            ["Frankfurt am Main"]
        );
        assert_eq!(places("مطار فرانكفورت"), ["Frankfurt am Main"]);
        assert_eq!(places("法兰克福机场"), ["Frankfurt am Main"]);
        assert_eq!(places("Polizei in München"), ["Munich"]);
        assert_eq!(places("म्यूनिख में पुलिस"), ["Munich"]);
        // A lower-case word is not a place, whatever a city is also called.
        assert!(places("a vine grows in the yard").is_empty());
    }
}
