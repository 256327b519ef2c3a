//! Search keys: the one normalization that both the index and a reader's query go through, so
//! that what a reader types finds what an outlet wrote in any of the six scripts.
//!
//! - Case never matters; Latin accents are folded (é → e, Brücke → brucke) and ß is ss.
//! - Arabic short vowel marks, tatweel and hamza marks are dropped; alef, yaa and taa marbuta
//!   written either way are one letter; Arabic-Indic digits are digits.
//! - Devanagari keeps its vowel signs and virama inside the word (a tokenizer that splits at
//!   marks would cut every Hindi word apart).
//! - Han (and kana) have no spaces between words: each character is a token of its own, and a
//!   word of two or more characters is searched as a phrase of them (政变 finds
//!   哈萨克斯坦发生政变).
//! - Arabic words are also indexed without a leading proclitic (و، ب، ل، ف، ك، ال and their
//!   combinations), so الكويت and والكويت are found by كويت.

use unicode_normalization::UnicodeNormalization;

/// The folded form of `text`: lowercase, accents and Arabic marks gone, letter variants
/// unified. Separators are kept, so `tokens` can split it.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // NFKD splits accented letters (and Arabic letters with hamza) into a base and marks, and
    // turns compatibility forms (full-width Latin, ligatures) into plain ones.
    for c in text.nfkd() {
        match c {
            // Combining diacritics (Latin accents), Arabic harakat and hamza marks, the
            // superscript alef, tatweel, and zero-width joiners.
            '\u{0300}'..='\u{036F}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0640}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{00AD}' => {}
            'ß' | 'ẞ' => out.push_str("ss"),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            // Alef wasla; alef maqsura and the Persian yeh as yaa; taa marbuta as haa; the
            // Persian kaf as kaf.
            '\u{0671}' => out.push('\u{0627}'),
            '\u{0649}' | '\u{06CC}' => out.push('\u{064A}'),
            '\u{0629}' => out.push('\u{0647}'),
            '\u{06A9}' => out.push('\u{0643}'),
            // Arabic-Indic, Persian and Devanagari digits as ASCII digits.
            '\u{0660}'..='\u{0669}' => out.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
            '\u{06F0}'..='\u{06F9}' => out.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
            '\u{0966}'..='\u{096F}' => out.push(char::from(b'0' + (c as u32 - 0x0966) as u8)),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Characters written without spaces between words: each is a token of its own.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'   // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK Unified Ideographs
        | '\u{F900}'..='\u{FAFF}'   // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{2EBEF}' // CJK Extensions B to F
    )
}

/// Part of a word: letters and digits, and Devanagari's vowel signs, virama and nukta (not its
/// full stops, the dandas).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || (('\u{0900}'..='\u{097F}').contains(&c)
            && !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}'))
}

/// The tokens of `text`, folded: runs of word characters, and each unspaced character alone.
pub fn tokens(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut tokens = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if is_unspaced(c) {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else if is_word_char(c) {
            word.push(c);
        } else if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

/// Arabic proclitics a word may start with, longest first.
const PROCLITICS: [&str; 11] = [
    "وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف", "ك",
];

/// The proclitics that mark a definite word: a query word starting with one is searched
/// without it too (a single-letter proclitic is too often part of the word itself).
const DEFINITE: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];

fn is_arabic_word(token: &str) -> bool {
    token
        .chars()
        .all(|c| ('\u{0620}'..='\u{064A}').contains(&c))
}

/// `token` without its leading Arabic proclitic, when one is there and at least three letters
/// remain.
fn without_proclitic<'t>(token: &'t str, proclitics: &[&str]) -> Option<&'t str> {
    if !is_arabic_word(token) {
        return None;
    }
    proclitics
        .iter()
        .filter_map(|p| token.strip_prefix(p))
        .find(|rest| rest.chars().count() >= 3)
}

/// An indexed word's second form: an Arabic word without its proclitic.
pub fn bare_form(token: &str) -> Option<&str> {
    without_proclitic(token, &PROCLITICS)
}

/// What the index holds for a story's text: its tokens separated by spaces, each Arabic word
/// followed by its form without a proclitic.
pub fn index_keys(text: &str) -> String {
    let mut keys = String::with_capacity(text.len() + text.len() / 4);
    for token in tokens(text) {
        if !keys.is_empty() {
            keys.push(' ');
        }
        keys.push_str(&token);
        if let Some(bare) = bare_form(&token) {
            keys.push(' ');
            keys.push_str(bare);
        }
    }
    keys
}

/// `index_keys` as a PostgreSQL tsvector literal: each key quoted, with its position, so
/// PostgreSQL keeps Panorama's tokens as they are and matches phrases by position as FTS5
/// does. (Positions past 16,383, PostgreSQL's largest, are stored as 16,383.)
pub fn tsvector(index_keys: &str) -> String {
    let mut out = String::with_capacity(index_keys.len() * 2);
    for (i, key) in index_keys.split(' ').filter(|k| !k.is_empty()).enumerate() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&quoted_lexeme(key));
        out.push_str(&format!(":{}", (i + 1).min(16_383)));
    }
    out
}

/// A key as a quoted tsvector or tsquery lexeme. Keys hold only letters, digits and marks;
/// quotes and backslashes are escaped all the same.
pub fn quoted_lexeme(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 2);
    out.push('\'');
    for c in key.chars() {
        if matches!(c, '\'' | '\\') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// The forms a query word is searched in: itself, and for an Arabic definite word, the word
/// without its article.
pub fn query_forms(token: &str) -> Vec<&str> {
    let mut forms = vec![token];
    if let Some(bare) = without_proclitic(token, &DEFINITE) {
        forms.push(bare);
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_a_positional_tsvector_literal() {
        let keys = index_keys("中国 wins, l'été");
        assert_eq!(keys, "中 国 wins l ete");
        assert_eq!(tsvector(&keys), "'中':1 '国':2 'wins':3 'l':4 'ete':5");
        assert_eq!(quoted_lexeme("it's\\"), "'it''s\\\\'");
        assert_eq!(tsvector(""), "");
    }

    #[test]
    fn case_and_latin_accents_fold() {
        assert_eq!(tokens("Brücke BRÜCKE brucke"), ["brucke"; 3]);
        assert_eq!(tokens("Straße strasse"), ["strasse"; 2]);
        assert_eq!(tokens("Élysée élysée ELYSEE"), ["elysee"; 3]);
        assert_eq!(tokens("l'Œuvre"), ["l", "oeuvre"]);
        assert_eq!(tokens("ＣＯＶＩＤ-19"), ["covid", "19"]);
    }

    #[test]
    fn arabic_marks_tatweel_and_letter_variants_fold() {
        // With and without short vowels, with tatweel, alef with hamza or plain.
        let plain = tokens("الكويت");
        assert_eq!(tokens("الْكُوَيْت"), plain);
        assert_eq!(tokens("الكـــويت"), plain);
        assert_eq!(tokens("أحمد"), tokens("احمد"));
        assert_eq!(tokens("إسلام"), tokens("اسلام"));
        assert_eq!(tokens("آخر"), tokens("اخر"));
        // Alef maqsura and yaa; taa marbuta and haa.
        assert_eq!(tokens("مستشفى"), tokens("مستشفي"));
        assert_eq!(tokens("الدوحة"), tokens("الدوحه"));
        assert_eq!(tokens("٢٠٢٢"), ["2022"]);
    }

    #[test]
    fn devanagari_words_stay_whole() {
        assert_eq!(
            tokens("भारत की राजधानी दिल्ली।"),
            ["भारत", "की", "राजधानी", "दिल्ली"]
        );
        assert_eq!(tokens("२०२२"), ["2022"]);
    }

    #[test]
    fn han_characters_are_tokens_of_their_own() {
        assert_eq!(
            tokens("哈萨克斯坦发生政变"),
            ["哈", "萨", "克", "斯", "坦", "发", "生", "政", "变"]
        );
        assert_eq!(tokens("CSTO维和部队"), ["csto", "维", "和", "部", "队"]);
    }

    #[test]
    fn punctuation_emoji_and_nul_are_separators() {
        assert_eq!(
            tokens("\"quoted\" *star* NEAR( ^x: OR 🙂 \0 a"),
            ["quoted", "star", "near", "x", "or", "a"]
        );
        assert!(tokens("!!! ... 🙂 «»").is_empty());
    }

    #[test]
    fn arabic_words_are_also_indexed_without_their_proclitic() {
        assert_eq!(index_keys("والكويت"), "والكويت كويت");
        assert_eq!(index_keys("ولد"), "ولد", "too short to strip");
        assert_eq!(query_forms("الكويت"), ["الكويت", "كويت"]);
        assert_eq!(
            query_forms("كتاب"),
            ["كتاب"],
            "a single-letter proclitic is not stripped from a query"
        );
        assert_eq!(query_forms("court"), ["court"]);
    }
}
