//! What one article says that another language can recognise ("anchors"), and the words it
//! shares with articles in its own language ("terms").
//!
//! Anchors are keys with a kind before the colon:
//! - `a:` acronyms and model names as written in Latin letters anywhere (`a:csto`, `a:a321neo`),
//!   and the acronyms of capitalised expansions (Collective Security Treaty Organization →
//!   `a:csto`);
//! - `n:` names by their consonants in any script (`n:TKF`, see `translit`);
//! - `#:` numbers, digits of any script, thousands separators and scale words read
//!   (2,64,202 = 264.202; 687亿 = 68,7 Milliarden = 6.87e10);
//! - `p:` countries and cities (`p:KZ`, `p:Almaty`), which alone never link two stories.
//!
//! Chinese and Arabic writers often give a name's Latin form in parentheses
//! (集体安全条约组织（CSTO）): `Aliases` learns the phrase before them, so later articles that
//! write the phrase alone carry the Latin anchor too.

use super::places::{PLACES, strip_arabic_prefix};
use super::text::{Script, Token, digit_value, tokens};
use super::translit::{self, is_han_sound};
use foldhash::{HashMap, HashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// One article as the grouping compares it.
#[derive(Clone, Debug, Default)]
pub struct Features {
    /// Anchor key → how this article wrote it (for explaining a link).
    pub anchors: BTreeMap<String, String>,
    /// Term → count, within the article's language.
    pub terms: HashMap<String, f32>,
    /// `n:` keys this article has only from ordinary words (not from a name): they link it
    /// to other languages, where its words are spelt otherwise; within its own language the
    /// words themselves are compared.
    pub word_keys: BTreeSet<String>,
    /// `a:` keys this article has only from a capitalised word ("Nasa"): they meet another
    /// article's acronym ("NASA"), not another capitalised word, which its `n:` key meets.
    pub soft_acronyms: BTreeSet<String>,
}

impl Features {
    /// A consonant key from a name (a capitalised Latin word, a Han run of sound characters).
    fn name_key(&mut self, key: String, written: &str) {
        self.word_keys.remove(&key);
        self.anchors
            .entry(key)
            .or_insert_with(|| written.to_string());
    }

    /// A consonant key from an ordinary word.
    fn word_key(&mut self, key: String, written: &str) {
        if !self.anchors.contains_key(&key) {
            self.word_keys.insert(key.clone());
            self.anchors.insert(key, written.to_string());
        }
    }
}

/// Phrases in a non-Latin script learned to stand for Latin anchors. Kept in the store, so a
/// restart does not forget what was learned from stories that have left the window.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Aliases {
    /// Han phrase → anchors.
    han: HashMap<String, Vec<String>>,
    /// Folded words joined by one space → anchors.
    words: HashMap<String, Vec<String>>,
}

/// Aliases kept at most: past it, new ones are not learned.
const MAX_ALIASES: usize = 50_000;
/// Longest alias, in Han characters and in words.
const MAX_ALIAS_HAN: usize = 10;
const MAX_ALIAS_WORDS: usize = 3;

impl Aliases {
    pub fn len(&self) -> usize {
        self.han.len() + self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Learns from `text` every phrase followed by its Latin form in parentheses.
    pub fn learn(&mut self, text: &str) {
        self.learn_tokens(&tokens(text));
    }

    /// `learn` on a text's tokens (read once for learning and extracting); whether it learned
    /// anything new.
    pub fn learn_tokens(&mut self, toks: &[Token]) -> bool {
        let mut learned = false;
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !t.before_paren
                || t.in_paren
                || t.script == Script::Latin
                || t.script == Script::Number
            {
                i += 1;
                continue;
            }
            // The parenthesis: Latin tokens right after, inside it.
            let inside: Vec<&Token> = toks[i + 1..].iter().take_while(|n| n.in_paren).collect();
            if inside.is_empty() || inside.iter().any(|n| n.script != Script::Latin) {
                i += 1;
                continue;
            }
            let mut latin = Features::default();
            latin_anchors(
                &inside
                    .iter()
                    .map(|&t| (t, is_stopword(t)))
                    .collect::<Vec<_>>(),
                &mut latin,
            );
            let anchors: Vec<String> = latin
                .anchors
                .into_keys()
                .filter(|k| !k.starts_with("p:"))
                .collect();
            if anchors.is_empty() || self.len() >= MAX_ALIASES {
                i += 1;
                continue;
            }
            if t.script == Script::Han {
                if let Some(phrase) = han_phrase(&t.text) {
                    learned |= merge(self.han.entry(phrase).or_default(), &anchors);
                }
            } else {
                // The last one to three words before the parenthesis, in the same script.
                for n in 1..=MAX_ALIAS_WORDS {
                    if n > i + 1
                        || toks[i + 1 - n..=i]
                            .iter()
                            .any(|w| w.script != t.script || w.in_paren)
                    {
                        break;
                    }
                    let words = &toks[i + 1 - n..=i];
                    // One word stands for a name only when it is no common word.
                    if n == 1 && (is_stopword(&words[0]) || words[0].text.chars().count() < 4) {
                        continue;
                    }
                    let phrase = alias_words(words);
                    learned |= merge(self.words.entry(phrase).or_default(), &anchors);
                }
            }
            i += 1 + inside.len();
        }
        learned
    }
}

/// Adds `anchors` to `into`; whether one was new.
fn merge(into: &mut Vec<String>, anchors: &[String]) -> bool {
    let mut added = false;
    for a in anchors {
        if !into.contains(a) {
            into.push(a.clone());
            added = true;
        }
    }
    added
}

fn alias_words(words: &[Token]) -> String {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 && w.script == Script::Arabic {
                strip_arabic_prefix(&w.text).to_string()
            } else {
                w.text.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Chinese particles after which a name or title starts ("俄罗斯领导的集体安全条约组织": the
/// organisation starts after 的).
const HAN_BREAKS: &str = "的和与及在对向被把由是了称说将为从于等、";

/// The name before a parenthesis at the end of a Han run: after the last particle, at most
/// `MAX_ALIAS_HAN` characters.
fn han_phrase(run: &str) -> Option<String> {
    let chars: Vec<char> = run.chars().collect();
    let start = chars
        .iter()
        .rposition(|c| HAN_BREAKS.contains(*c))
        .map_or(0, |p| p + 1)
        .max(chars.len().saturating_sub(MAX_ALIAS_HAN));
    let phrase: String = chars[start..].iter().collect();
    (phrase.chars().count() >= 2).then_some(phrase)
}

/// The anchors and terms of `text` (an article's title and story text).
pub fn extract(text: &str, aliases: &Aliases) -> Features {
    extract_tokens(&tokens(text), aliases)
}

/// The word a token's key is made of: an Arabic word without the article or preposition
/// written onto it ("والكويت" as "كويت"), any other as it is. The anchors and the comparison
/// of spellings (`group::spelling`) read words alike.
pub(super) fn key_word(t: &Token) -> &str {
    if t.script == Script::Arabic {
        strip_arabic_prefix(&t.text)
    } else {
        &t.text
    }
}

/// `extract` on a text's tokens.
pub fn extract_tokens(toks: &[Token], aliases: &Aliases) -> Features {
    let mut f = Features::default();
    // Places first: a word that names a place is not also read as a person's name.
    let mut is_place = vec![false; toks.len()];
    for (key, start, len, written) in PLACES.find(toks) {
        f.anchors.entry(format!("p:{key}")).or_insert(written);
        if toks[start].script != Script::Han {
            is_place[start..start + len]
                .iter_mut()
                .for_each(|p| *p = true);
        }
    }
    // Whether each token is a stop word, asked once (the lists are searched, not hashed).
    let stop: Vec<bool> = toks.iter().map(is_stopword).collect();
    let latin: Vec<(&Token, bool)> = toks
        .iter()
        .zip(&stop)
        .zip(&is_place)
        .filter(|((t, _), place)| t.script == Script::Latin && !**place)
        .map(|((t, &stop), _)| (t, stop))
        .collect();
    latin_anchors(&latin, &mut f);
    for (i, t) in toks.iter().enumerate() {
        match t.script {
            Script::Number => number_anchor(toks, i, &mut f),
            Script::Arabic | Script::Devanagari if !is_place[i] && !stop[i] => {
                let word = key_word(t);
                // A word with the definite article (المحللين, "the analysts") is a noun:
                // the names other scripts write (people, firms) do not take it, and its
                // consonants would meet a Latin name by chance.
                let definite = word.len() != t.text.len();
                if !definite
                    && word.chars().count() >= 3
                    && let Some(key) = translit::key(word, t.script)
                {
                    f.word_key(format!("n:{key}"), &t.raw);
                }
            }
            Script::Han => han_names(&t.text, &mut f),
            _ => {}
        }
        terms(t, stop[i], &mut f.terms);
    }
    alias_anchors(toks, aliases, &mut f);
    f
}

/// Acronyms, model names, expansions and names among Latin tokens (in order, each with
/// whether it is a stop word).
fn latin_anchors(toks: &[(&Token, bool)], f: &mut Features) {
    let mut run: Vec<&Token> = Vec::new();
    let flush = |run: &mut Vec<&Token>, f: &mut Features| {
        expansion_acronyms(run, f);
        run.clear();
    };
    // Keys of capitalised words written after a German article: nouns, not names.
    let mut nouns: Vec<String> = Vec::new();
    let mut after_article = false;
    // Words the text writes in lower case somewhere: capitalised elsewhere (a headline in
    // title case, a sentence's first word: "Based in Kabul"), they are still words.
    let lower: HashSet<&str> = toks
        .iter()
        .filter(|(t, _)| !t.capitalized && !t.all_caps)
        .map(|(t, _)| t.text.as_str())
        .collect();
    // Words of a run of three or more in capitals: a headline shouting, not acronyms.
    let mut shouted = vec![false; toks.len()];
    let mut start = 0;
    for i in 0..=toks.len() {
        if i == toks.len() || !toks[i].0.all_caps {
            if i - start >= 3 {
                shouted[start..i].iter_mut().for_each(|s| *s = true);
            }
            start = i + 1;
        }
    }
    for (&(t, stop), shouted) in toks.iter().zip(shouted) {
        // A shouted word is read as a capitalised one: its names are still names.
        let all_caps = t.all_caps && !shouted;
        let capitalized = (t.capitalized || shouted) && !lower.contains(t.text.as_str());
        let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
        let digits = t.text.chars().filter(|c| c.is_ascii_digit()).count();
        if all_caps
            && !stop
            && (2..=6).contains(&letters)
            && !COMMON_CAPS.contains(&t.text.as_str())
        {
            let key = format!("a:{}", t.text);
            f.soft_acronyms.remove(&key);
            f.anchors.insert(key, t.raw.clone());
        }
        if letters >= 1 && digits >= 2 {
            f.anchors
                .entry(format!("a:{}", t.text))
                .or_insert_with(|| t.raw.clone());
        }
        if capitalized && !all_caps && !stop && !shouted {
            // Nasa is NASA, Nato is NATO: short capitalised words may be acronyms written as
            // some outlets write them.
            let key = format!("a:{}", t.text);
            if (3..=6).contains(&letters) && digits == 0 && !f.anchors.contains_key(&key) {
                f.soft_acronyms.insert(key.clone());
                f.anchors.insert(key, t.raw.clone());
            }
        }
        // Names, and the words English, French and German share by descent (inflation,
        // volcan, Vulkan): by their consonants, in one space with the other scripts' words.
        if !all_caps && !stop && (capitalized || letters >= 5) {
            // "Kassym-Jomart": each part is a name.
            // Folding keeps hyphens, so the parts pair up with the parts as written.
            for (part, written) in t.text.split('-').zip(t.raw.split('-')) {
                if part.chars().count() >= 3
                    && let Some(key) = translit::key(part, Script::Latin)
                {
                    if capitalized {
                        if after_article {
                            nouns.push(format!("n:{key}"));
                        }
                        f.name_key(format!("n:{key}"), written);
                    } else {
                        f.word_key(format!("n:{key}"), written);
                    }
                }
            }
        }
        let connector = CONNECTORS.contains(&t.text.as_str()) && !run.is_empty();
        if (capitalized && !all_caps && !shouted) || connector {
            run.push(t);
        } else {
            flush(&mut run, f);
        }
        after_article = !t.capitalized && GERMAN_ARTICLES.contains(&t.text.as_str());
    }
    flush(&mut run, f);
    // German writes every noun with a capital: "die Firma", "den Preis" are words, and meet
    // no name in another language ("Firma" is not फोरम, "Preis" not 普尔斯), wherever else
    // the text writes them.
    for key in nouns {
        if f.anchors.contains_key(&key) {
            f.word_keys.insert(key);
        }
    }
}

/// German articles and the contractions with one: a capitalised word after one is a noun.
const GERMAN_ARTICLES: [&str; 17] = [
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "zum", "zur", "im", "vom", "beim",
];

/// "Collective Security Treaty Organization" → `a:csto`; a hyphenated word gives its initial,
/// or one per part ("American-Islamic": CAIR as well as CAR). A run may start with words that
/// are not part of the name ("Troops of the Collective ..."): every start with three words or
/// more after it gives an acronym.
fn expansion_acronyms(run: &[&Token], f: &mut Features) {
    let mut run = run;
    while run
        .last()
        .is_some_and(|t| CONNECTORS.contains(&t.text.as_str()))
    {
        run = &run[..run.len() - 1];
    }
    let words: Vec<(usize, &&Token)> = run
        .iter()
        .enumerate()
        .filter(|(_, t)| t.capitalized && !is_stopword(t))
        .collect();
    for start in 0..words.len() {
        if words.len() - start < 3 {
            break;
        }
        let mut whole = String::new();
        let mut parts = String::new();
        for (_, w) in &words[start..] {
            whole.extend(w.text.chars().next());
            for part in w.text.split('-') {
                parts.extend(part.chars().next());
            }
        }
        let surface = run[words[start].0..]
            .iter()
            .map(|t| t.raw.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for acronym in [whole, parts] {
            f.anchors
                .entry(format!("a:{acronym}"))
                .or_insert_with(|| surface.clone());
        }
    }
}

/// Runs of Han characters used for foreign names by sound, outside place names: 托卡耶夫.
fn han_names(run: &str, f: &mut Features) {
    let chars: Vec<char> = run.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some(n) = PLACES.han_place_len(&chars, i) {
            i += n;
            continue;
        }
        if !is_han_sound(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_han_sound(chars[i]) && PLACES.han_place_len(&chars, i).is_none()
        {
            i += 1;
        }
        if i - start >= 2 {
            let name: String = chars[start..i].iter().collect();
            if let Some(key) = translit::key(&name, Script::Han) {
                f.name_key(format!("n:{key}"), &name);
            }
        }
    }
}

/// Scale words after a number, in the six languages.
const SCALES: [(&str, f64); 30] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
    ("tausend", 1e3),
    ("millionen", 1e6),
    ("mio", 1e6),
    ("milliarden", 1e9),
    ("milliarde", 1e9),
    ("mrd", 1e9),
    ("billionen", 1e12),
    ("mille", 1e3),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("हजार", 1e3),
    ("लाख", 1e5),
    ("करोड", 1e7),
    ("अरब", 1e9),
    ("मिलियन", 1e6),
    ("बिलियन", 1e9),
    ("الف", 1e3),
    ("الاف", 1e3),
    ("مليون", 1e6),
    ("ملايين", 1e6),
    ("مليار", 1e9),
    ("مليارات", 1e9),
    ("تريليون", 1e12),
];

fn number_anchor(toks: &[Token], i: usize, f: &mut Features) {
    let t = &toks[i];
    let Some(mut value) = parse_number(&t.text) else {
        return;
    };
    let decimal = t.text.contains(['.', ',', '٫']) && value.fract() != 0.0;
    let mut scaled = false;
    if let Some(next) = toks.get(i + 1) {
        let scale = if next.script == Script::Han {
            let s = next.text.as_str();
            if s.starts_with("万亿") {
                Some(1e12)
            } else if s.starts_with('亿') {
                Some(1e8)
            } else if s.starts_with('万') {
                Some(1e4)
            } else {
                None
            }
        } else {
            // "13-Millionen-Stadt"
            let word = next.text.split('-').next().unwrap_or_default();
            SCALES.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
        };
        if let Some(scale) = scale {
            value *= scale;
            scaled = true;
        }
    }
    let percent = t.percent
        || toks
            .get(i + 1)
            .is_some_and(|n| PERCENT_WORDS.contains(&n.text.as_str()));
    if percent {
        f.anchors
            .entry(format!("#:{}%", number_key(value)))
            .or_insert_with(|| format!("{}%", t.text));
        return;
    }
    if let Some((month, day)) = date_of(toks, i, value) {
        f.anchors
            .entry(format!("d:{month:02}-{day:02}"))
            .or_insert_with(|| t.raw.clone());
        return;
    }
    // Small whole numbers (days, counts, scores) are everywhere: they tell nothing.
    if value < 10.0 && !decimal && !scaled {
        return;
    }
    f.anchors
        .entry(format!("#:{}", number_key(value)))
        .or_insert_with(|| t.text.clone());
}

const PERCENT_WORDS: [&str; 7] = [
    "percent",
    "prozent",
    "pourcent",
    "प्रतिशत",
    "फीसदी",
    "بالمئة",
    "بالمائة",
];

/// Month names (folded) in English, German, French, Hindi and Arabic, January first.
const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "januar", "janvier", "जनवरी", "يناير"],
    &["february", "feb", "februar", "fevrier", "फरवरी", "فبراير"],
    &["march", "marz", "mars", "मार्च", "مارس"],
    &["april", "apr", "avril", "अप्रैल", "ابريل"],
    &["may", "mai", "मई", "مايو"],
    &["june", "jun", "juni", "juin", "जून", "يونيو"],
    &["july", "jul", "juli", "juillet", "जुलाई", "يوليو"],
    &["august", "aug", "aout", "अगस्त", "اغسطس"],
    &["september", "sep", "sept", "septembre", "सितंबर", "سبتمبر"],
    &["october", "oct", "oktober", "octobre", "अक्टूबर", "اكتوبر"],
    &["november", "nov", "novembre", "नवंबर", "نوفمبر"],
    &["december", "dec", "dezember", "decembre", "दिसंबर", "ديسمبر"],
];

fn month_of(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|m| m as u32 + 1)
}

/// The number at `i` as the day of a date: "January 6", "6 janvier", "6. Januar", "6 जनवरी",
/// "6 يناير", "1月6日" (read at the month: 1 then 月, 6, 日).
fn date_of(toks: &[Token], i: usize, value: f64) -> Option<(u32, u32)> {
    let whole = (value.fract() == 0.0 && (1.0..=31.0).contains(&value)).then_some(value as u32)?;
    let next = toks.get(i + 1);
    if whole <= 12
        && next.is_some_and(|n| n.script == Script::Han && n.text == "月")
        && let Some(day) = toks.get(i + 2).filter(|d| d.script == Script::Number)
        && toks
            .get(i + 3)
            .is_some_and(|n| n.script == Script::Han && n.text.starts_with(['日', '号']))
        && let Some(day) = parse_number(&day.text).filter(|d| (1.0..=31.0).contains(d))
    {
        return Some((whole, day as u32));
    }
    if let Some(month) = next.and_then(|n| month_of(&n.text)) {
        return Some((month, whole));
    }
    let before = i.checked_sub(1).and_then(|b| toks.get(b));
    before
        .and_then(|b| month_of(&b.text))
        .map(|month| (month, whole))
}

/// A number written with separators: the last separator is decimal unless three digits follow
/// it (then every separator groups thousands, or lakhs as India writes 2,64,202).
pub fn parse_number(text: &str) -> Option<f64> {
    let mut digits = String::new();
    let groups: Vec<String> = text
        .split([',', '.', '٬', '٫', '\u{202f}'])
        .map(|g| {
            g.chars()
                .filter_map(digit_value)
                .map(|d| char::from(b'0' + d as u8))
                .collect()
        })
        .collect();
    let last = groups.last()?;
    if groups.len() > 1 && last.len() != 3 {
        for g in &groups[..groups.len() - 1] {
            digits.push_str(g);
        }
        digits.push('.');
        digits.push_str(last);
    } else {
        for g in &groups {
            digits.push_str(g);
        }
    }
    digits.parse().ok()
}

/// Four significant digits: 68.7 billion and 687 亿 meet at `6.870e10`.
fn number_key(value: f64) -> String {
    format!("{value:.3e}")
}

/// A term for within-language comparison: a word's first six letters, or a Han bigram.
fn terms(t: &Token, stop: bool, terms: &mut HashMap<String, f32>) {
    match t.script {
        Script::Han => {
            let chars: Vec<char> = t.text.chars().collect();
            for pair in chars.windows(2) {
                *terms.entry(pair.iter().collect()).or_default() += 1.0;
            }
        }
        Script::Latin | Script::Arabic | Script::Devanagari => {
            if stop {
                return;
            }
            let word = key_word(t);
            if word.chars().count() < 3 {
                return;
            }
            let stem: String = word.chars().take(6).collect();
            *terms.entry(stem).or_default() += 1.0;
        }
        Script::Number => {}
    }
}

/// Anchors from learned aliases found in the text.
fn alias_anchors(toks: &[Token], aliases: &Aliases, f: &mut Features) {
    if aliases.is_empty() {
        return;
    }
    for (i, t) in toks.iter().enumerate() {
        if t.script == Script::Han {
            let chars: Vec<char> = t.text.chars().collect();
            for start in 0..chars.len() {
                for n in 2..=MAX_ALIAS_HAN.min(chars.len() - start) {
                    let phrase: String = chars[start..start + n].iter().collect();
                    if let Some(anchors) = aliases.han.get(&phrase) {
                        for a in anchors {
                            f.anchors.entry(a.clone()).or_insert_with(|| phrase.clone());
                        }
                    }
                }
            }
        } else if matches!(t.script, Script::Arabic | Script::Devanagari) {
            for n in 1..=MAX_ALIAS_WORDS.min(toks.len() - i) {
                let words = &toks[i..i + n];
                if words.iter().any(|w| w.script != t.script) {
                    break;
                }
                if let Some(anchors) = aliases.words.get(&alias_words(words)) {
                    let surface = words
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    for a in anchors {
                        f.anchors
                            .entry(a.clone())
                            .or_insert_with(|| surface.clone());
                    }
                }
            }
        }
    }
}

/// All-capital words that are no acronym of anything a story is about.
const COMMON_CAPS: [&str; 8] = ["am", "pm", "tv", "ok", "ii", "iii", "ceo", "gmt"];

/// Lower-case words inside a capitalised expansion ("Organization for Security and
/// Co-operation in Europe").
const CONNECTORS: [&str; 14] = [
    "of", "for", "and", "in", "on", "the", "de", "du", "des", "la", "le", "der", "die", "und",
];

fn is_stopword(t: &Token) -> bool {
    let w = t.text.as_str();
    let stop = &*STOP;
    (match t.script {
        Script::Latin => stop.latin.contains(w),
        Script::Arabic => stop.arabic.contains(w) || stop.arabic.contains(strip_arabic_prefix(w)),
        Script::Devanagari => stop.hindi.contains(w),
        _ => false,
    }) || stop.agencies.contains(w)
}

/// The lists below as sets: every token of every article is looked up, and scans of the
/// lists were a twentieth of reading an article.
struct StopSets {
    latin: HashSet<&'static str>,
    arabic: HashSet<&'static str>,
    hindi: HashSet<&'static str>,
    agencies: HashSet<&'static str>,
}

static STOP: LazyLock<StopSets> = LazyLock::new(|| StopSets {
    latin: STOP_LATIN.into_iter().collect(),
    arabic: STOP_ARABIC.into_iter().collect(),
    hindi: STOP_HINDI.into_iter().collect(),
    agencies: AGENCIES.into_iter().collect(),
});

/// News agencies as reports credit them ("(Reuters)", "- AFP", "رويترز", "पीटीआई"), folded:
/// where a report comes from, not what it is about; two reports of two events both credit
/// Reuters.
const AGENCIES: [&str; 32] = [
    "afp",
    "anadolu",
    "ani",
    "ansa",
    "dpa",
    "efe",
    "ians",
    "interfax",
    "kuna",
    "kyodo",
    "pti",
    "qna",
    "reuters",
    "tass",
    "wam",
    "xinhua",
    "yonhap",
    "رويترز",
    "شينخوا",
    "اسوشيتد",
    "برس",
    "انترفاكس",
    "تاس",
    "واس",
    "قنا",
    "كونا",
    "وام",
    "يونهاب",
    "रॉयटर्स",
    "रायटर्स",
    "पीटीआई",
    "एएनआई",
];

/// English, French and German words too common to tell stories apart, and the capitalised
/// ones that are no names (days, months, titles); folded, sorted (a test keeps them so: a
/// duplicate shows).
const STOP_LATIN: [&str; 233] = [
    "a",
    "about",
    "after",
    "against",
    "al",
    "all",
    "als",
    "also",
    "am",
    "an",
    "and",
    "aout",
    "april",
    "as",
    "at",
    "au",
    "auch",
    "auf",
    "august",
    "aus",
    "aux",
    "avec",
    "avril",
    "be",
    "been",
    "bei",
    "bis",
    "breaking",
    "but",
    "by",
    "ce",
    "ces",
    "cette",
    "chief",
    "could",
    "dans",
    "das",
    "dass",
    "de",
    "december",
    "decembre",
    "dem",
    "den",
    "deputy",
    "der",
    "des",
    "dezember",
    "die",
    "dienstag",
    "dimanche",
    "donnerstag",
    "du",
    "durch",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "elle",
    "en",
    "er",
    "es",
    "est",
    "et",
    "ete",
    "etre",
    "explainer",
    "februar",
    "february",
    "fevrier",
    "for",
    "foreign",
    "freitag",
    "friday",
    "from",
    "fur",
    "gegen",
    "general",
    "government",
    "had",
    "has",
    "hat",
    "have",
    "he",
    "her",
    "his",
    "il",
    "ils",
    "im",
    "in",
    "into",
    "is",
    "ist",
    "it",
    "its",
    "januar",
    "january",
    "janvier",
    "jeudi",
    "juillet",
    "juin",
    "juli",
    "july",
    "june",
    "juni",
    "la",
    "le",
    "les",
    "leur",
    "live",
    "lundi",
    "mai",
    "march",
    "mardi",
    "mars",
    "marz",
    "may",
    "mercredi",
    "minister",
    "ministerin",
    "ministre",
    "mit",
    "mittwoch",
    "monday",
    "montag",
    "more",
    "nach",
    "new",
    "nicht",
    "noch",
    "not",
    "november",
    "novembre",
    "october",
    "octobre",
    "of",
    "oktober",
    "on",
    "one",
    "ont",
    "or",
    "ou",
    "over",
    "par",
    "pas",
    "plus",
    "pour",
    "prasident",
    "premier",
    "president",
    "prime",
    "qu",
    "que",
    "qui",
    "regierung",
    "said",
    "samedi",
    "samstag",
    "saturday",
    "says",
    "se",
    "secretary",
    "sei",
    "sein",
    "seine",
    "seit",
    "september",
    "septembre",
    "ses",
    "she",
    "sich",
    "sie",
    "since",
    "sind",
    "so",
    "soll",
    "son",
    "sonntag",
    "sont",
    "state",
    "sunday",
    "sur",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "they",
    "this",
    "thursday",
    "to",
    "tuesday",
    "two",
    "uber",
    "um",
    "un",
    "und",
    "une",
    "uns",
    "up",
    "update",
    "vendredi",
    "video",
    "vom",
    "von",
    "vor",
    "was",
    "watch",
    "we",
    "wednesday",
    "wegen",
    "were",
    "what",
    "when",
    "which",
    "while",
    "who",
    "wie",
    "will",
    "wir",
    "wird",
    "with",
    "would",
    "wurde",
    "wurden",
    "year",
    "years",
    "zu",
    "zum",
    "zur",
    "zwei",
];

/// Arabic function words, among them prepositions with a pronoun written on ("منها", "of
/// it"): as common as any, and a parenthesis after one ("مكافحة الأمراض والوقاية منها (CDC)")
/// must not teach it to stand for a name.
const STOP_ARABIC: [&str; 92] = [
    "في",
    "من",
    "علي",
    "على",
    "الي",
    "إلى",
    "الى",
    "عن",
    "مع",
    "بعد",
    "قبل",
    "ان",
    "إن",
    "أن",
    "التي",
    "الذي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "كان",
    "كانت",
    "قال",
    "قالت",
    "وقال",
    "بين",
    "حتي",
    "حتى",
    "ما",
    "لا",
    "لم",
    "لن",
    "او",
    "أو",
    "ثم",
    "كما",
    "منذ",
    "خلال",
    "عند",
    "يوم",
    "فيما",
    "بحسب",
    "وفي",
    "منها",
    "منه",
    "منهم",
    "فيها",
    "فيه",
    "فيهم",
    "عليها",
    "عليه",
    "عليهم",
    "إليها",
    "إليه",
    "اليها",
    "اليه",
    "لها",
    "له",
    "لهم",
    "بها",
    "به",
    "بهم",
    "عنها",
    "عنه",
    "عنهم",
    "معها",
    "معه",
    "معهم",
    "لديها",
    "لديه",
    "عندها",
    "عنده",
    "بينها",
    "بينهم",
    "هو",
    "هي",
    "هم",
    "أنه",
    "انه",
    "إنه",
    "أنها",
    "انها",
    "إنها",
    "وهو",
    "وهي",
    "ومنها",
    "ومنه",
    "كل",
    "بعض",
    "غير",
    "أي",
];

const STOP_HINDI: [&str; 40] = [
    "का",
    "की",
    "के",
    "में",
    "है",
    "हैं",
    "और",
    "से",
    "को",
    "ने",
    "पर",
    "कि",
    "यह",
    "इस",
    "एक",
    "था",
    "थी",
    "थे",
    "हो",
    "भी",
    "तक",
    "लिए",
    "कर",
    "किया",
    "गया",
    "गई",
    "दिया",
    "बाद",
    "साथ",
    "वे",
    "जो",
    "अपने",
    "उनके",
    "उन्होंने",
    "कहा",
    "रहा",
    "रही",
    "रहे",
    "होगा",
    "सकता",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(text: &str) -> Vec<String> {
        extract(text, &Aliases::default())
            .anchors
            .into_keys()
            .collect()
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        let mut sorted = STOP_LATIN.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), STOP_LATIN.len(), "duplicates");
        assert_eq!(sorted, STOP_LATIN, "unsorted");
    }

    #[test]
    fn acronyms_and_their_expansions() {
        let a = anchors("Troops of the Collective Security Treaty Organization arrive");
        assert!(a.contains(&"a:csto".to_string()), "{a:?}");
        let b = anchors("Die OVKS schickt Truppen; Airbus storniert A321neo");
        assert!(
            b.contains(&"a:ovks".to_string()) && b.contains(&"a:a321neo".to_string()),
            "{b:?}"
        );
        let c = anchors("the Organization for Security and Co-operation in Europe met");
        assert!(c.contains(&"a:osce".to_string()), "{c:?}");
    }

    #[test]
    fn numbers_meet_across_separators_digits_and_scales() {
        let key = |text: &str| {
            anchors(text)
                .into_iter()
                .filter(|a| a.starts_with("#:"))
                .collect::<Vec<_>>()
        };
        assert_eq!(key("2,64,202 cases"), key("264.202 Fälle"));
        assert_eq!(key("$68.7 billion"), key("68,7 Milliarden Dollar"));
        assert_eq!(key("$68.7 billion"), key("687亿美元"));
        assert_eq!(key("$375 million"), key("37.5 करोड़ डॉलर"));
        assert_eq!(key("$375 million"), key("3.75亿美元"));
        assert_eq!(key("٢٠٢٢"), key("2022"));
        assert!(
            key("7 phases").is_empty(),
            "small whole numbers say nothing"
        );
        assert_eq!(key("3,1 Prozent"), key("3.1 percent"));
    }

    #[test]
    fn names_across_scripts_share_an_anchor() {
        for text in [
            "President Kassym-Jomart Tokayev asked",
            "Präsident Tokajew bat",
            "الرئيس قاسم جومارت توكاييف",
            "राष्ट्रपति तोकायेव ने कहा",
            "哈萨克斯坦总统托卡耶夫请求",
        ] {
            assert!(
                anchors(text).contains(&"n:TKF".to_string()),
                "{text}: {:?}",
                anchors(text)
            );
        }
    }

    #[test]
    fn a_german_noun_after_an_article_is_a_word_and_a_name_stays_a_name() {
        let f = extract(
            "Scholz nennt den Preis zu hoch. Preis und Firma: die Firma zahlt",
            &Aliases::default(),
        );
        for noun in ["Preis", "Firma"] {
            let key = f
                .anchors
                .iter()
                .find(|(key, written)| key.starts_with("n:") && *written == noun)
                .map(|(k, _)| k.clone())
                .unwrap_or_else(|| panic!("{noun}: {:?}", f.anchors));
            assert!(f.word_keys.contains(&key), "{noun} is a noun: {key}");
        }
        let scholz = translit::key("scholz", Script::Latin).unwrap();
        assert!(!f.word_keys.contains(&format!("n:{scholz}")));
        assert!(f.anchors.contains_key(&format!("n:{scholz}")));
    }

    #[test]
    fn a_word_the_text_writes_in_lower_case_is_no_name_in_a_title_case_headline() {
        let f = extract(
            "Militants Based In Kabul Claim Attack. The group, based in Kabul, said its \
             spokesman Zabihullah.",
            &Aliases::default(),
        );
        let based = format!("n:{}", translit::key("based", Script::Latin).unwrap());
        let name = format!("n:{}", translit::key("zabihullah", Script::Latin).unwrap());
        assert!(f.word_keys.contains(&based), "{:?}", f.anchors);
        assert!(!f.word_keys.contains(&name) && f.anchors.contains_key(&name));
    }

    #[test]
    fn news_agencies_and_a_capital_headlines_small_words_are_no_anchors() {
        let f = extract(
            "KANYE WEST CAN BEAT BIDEN OFF OF WRITE INS (Reuters) - AFP reported, رويترز",
            &Aliases::default(),
        );
        for key in ["a:can", "a:of", "a:off", "a:afp", "a:reuters"] {
            assert!(!f.anchors.contains_key(key), "{key}: {:?}", f.anchors);
        }
        let reuters = format!("n:{}", translit::key("reuters", Script::Latin).unwrap());
        assert!(!f.anchors.contains_key(&reuters), "{:?}", f.anchors);
        // The headline's names are still names.
        let biden = format!("n:{}", translit::key("biden", Script::Latin).unwrap());
        assert!(f.anchors.contains_key(&biden), "{:?}", f.anchors);
    }

    #[test]
    fn an_arabic_word_with_the_article_is_a_noun_not_a_name() {
        // "the analysts" and "Trump": only the name gives a consonant key.
        let f = extract("قال المحللين إن ترامب", &Aliases::default());
        let keys: Vec<&String> = f.anchors.keys().filter(|k| k.starts_with("n:")).collect();
        assert_eq!(keys, ["n:TLMB"], "{:?}", f.anchors);
    }

    #[test]
    fn places_are_not_names() {
        let a = anchors("哈萨克斯坦总统托卡耶夫");
        assert!(a.contains(&"p:KZ".to_string()), "{a:?}");
        assert_eq!(a.iter().filter(|k| k.starts_with("n:")).count(), 1, "{a:?}");
    }

    #[test]
    fn aliases_are_learned_from_parentheses() {
        let mut aliases = Aliases::default();
        aliases.learn("俄罗斯领导的集体安全条约组织（CSTO）派兵");
        aliases.learn("उत्तर कोरिया की समाचार एजेंसी केसीएनए (KCNA) के मुताबिक");
        let zh = extract("集体安全条约组织部队抵达", &aliases);
        assert_eq!(
            zh.anchors.get("a:csto").map(String::as_str),
            Some("集体安全条约组织")
        );
        let hi = extract("केसीएनए ने बताया", &aliases);
        assert!(hi.anchors.contains_key("a:kcna"), "{:?}", hi.anchors);
    }
}
