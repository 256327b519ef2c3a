//! Names compared across scripts by their consonants. "Tokayev", "Tokajew", "Tokaïev",
//! "توكاييف", "तोकायेव" and "托卡耶夫" are one man: each is read as the sounds its script
//! writes (Han through its pinyin), vowels and glides dropped, and the consonants put into
//! classes that transliteration keeps apart (b/p, d/t, g/k, f/v/w, s/z/sh, l/r, m, n; b and p
//! are one, as Arabic writes both ب: Trump is ترامب).
//! The result, `TKF` here, is a key, not a spelling: two names with one key are a clue that
//! scoring weighs, never proof by itself.

use super::text::Script;
use pinyin::ToPinyin;

/// Keys shorter than this collide too often to mean anything.
pub const MIN_KEY: usize = 3;

/// Written vowels, among the consonant classes `sounds` gives.
const VOWEL: char = 'V';

/// The consonant key of a folded word of `script`, if it has one worth using.
pub fn key(word: &str, script: Script) -> Option<String> {
    let mut classes = sounds(word, script)?;
    classes.retain(|&c| c != VOWEL);
    classes.dedup();
    (classes.len() >= MIN_KEY).then(|| classes.into_iter().collect())
}

/// The consonant classes of a folded word of `script`, in order, with `VOWEL` where it writes
/// a vowel.
fn sounds(word: &str, script: Script) -> Option<Vec<char>> {
    let mut out = Vec::with_capacity(word.len());
    match script {
        Script::Latin => latin(word, &mut out),
        Script::Arabic => arabic(word, &mut out),
        Script::Devanagari => devanagari(word, &mut out),
        Script::Han => han(word, &mut out),
        Script::Number => return None,
    }
    Some(out)
}

/// Between each two consonants of a folded word's key, whether it writes a vowel: "Tokayev"
/// and "توكاييف" both do, twice (T·K·F); "Michael" does twice (M·S·L) and "مسؤول"
/// ("official", the same key) once. Arabic and Hindi write the vowels of a foreign name
/// (Arabic with its long-vowel letters), so a word whose vowels fall elsewhere than a name's
/// is another word that only shares its consonants.
pub fn vowel_gaps(word: &str, script: Script) -> Vec<bool> {
    let mut gaps = Vec::new();
    let (mut last, mut vowel) = (None, false);
    for c in sounds(word, script).unwrap_or_default() {
        if c == VOWEL {
            vowel = true;
        } else if last == Some(c) {
            // One consonant written twice ("Bennett"), or two of one class: one in the key.
            vowel = false;
        } else {
            if last.is_some() {
                gaps.push(vowel);
            }
            last = Some(c);
            vowel = false;
        }
    }
    gaps
}

fn latin(word: &str, out: &mut Vec<char>) {
    let b: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let (class, len) = match (b[i], next) {
            ('s', Some('c')) if b.get(i + 2) == Some(&'h') => (Some('S'), 3),
            ('t', Some('s')) if b.get(i + 2) == Some(&'c') && b.get(i + 3) == Some(&'h') => {
                (Some('S'), 4)
            }
            ('c', Some('h')) | ('s', Some('h')) | ('z', Some('h')) => (Some('S'), 2),
            ('p', Some('h')) => (Some('F'), 2),
            ('t', Some('h')) => (Some('T'), 2),
            ('k', Some('h')) | ('g', Some('h')) => (Some('K'), 2),
            ('c', Some('k')) => (Some('K'), 2),
            ('n', Some('g')) if !b.get(i + 2).is_some_and(|c| is_vowel(*c)) => (Some('N'), 2),
            ('c', Some('e' | 'i' | 'y')) => (Some('S'), 1),
            ('c' | 'k' | 'q', _) => (Some('K'), 1),
            ('g', _) => (Some('G'), 1),
            ('b', _) => (Some('B'), 1),
            ('p', _) => (Some('B'), 1),
            ('d', _) => (Some('D'), 1),
            ('t', _) => (Some('T'), 1),
            ('f' | 'v' | 'w', _) => (Some('F'), 1),
            ('s' | 'z' | 'x', _) => (Some('S'), 1),
            ('l' | 'r', _) => (Some('L'), 1),
            ('m', _) => (Some('M'), 1),
            ('n', _) => (Some('N'), 1),
            (c, _) if is_vowel(c) => (Some(VOWEL), 1),
            _ => (None, 1),
        };
        out.extend(class);
        i += len;
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn arabic(word: &str, out: &mut Vec<char>) {
    for c in word.chars() {
        let class = match c {
            'ب' => 'B',
            'پ' => 'B',
            'ت' | 'ط' => 'T',
            'د' | 'ض' => 'D',
            'ث' | 'ذ' | 'ز' | 'س' | 'ش' | 'ص' | 'ظ' | 'ج' | 'چ' => 'S',
            'خ' | 'ق' | 'ك' => 'K',
            'غ' | 'گ' => 'G',
            'ف' | 'ڤ' => 'F',
            'ر' | 'ل' => 'L',
            'م' => 'M',
            'ن' => 'N',
            // Alef, waw and ya write long vowels (and glides); ha, ayn and hamza are sounds
            // other scripts drop.
            'ا' | 'و' | 'ي' | 'ى' | 'آ' | 'أ' | 'إ' | 'ؤ' | 'ئ' => VOWEL,
            _ => continue,
        };
        out.push(class);
    }
}

fn devanagari(word: &str, out: &mut Vec<char>) {
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let class = match c {
            'क' | 'ख' => Some('K'),
            'ग' | 'घ' => Some('G'),
            'च' | 'छ' | 'ज' | 'झ' | 'श' | 'ष' | 'स' => Some('S'),
            'ट' | 'ठ' | 'त' | 'थ' => Some('T'),
            'ड' | 'ढ' | 'द' | 'ध' => Some('D'),
            'ङ' | 'ञ' | 'ण' | 'न' => Some('N'),
            'प' => Some('B'),
            'फ' => Some('F'),
            'ब' | 'भ' => Some('B'),
            'म' => Some('M'),
            'र' | 'ल' => Some('L'),
            'व' => Some('F'),
            // Vowel signs and vowels.
            '\u{904}'..='\u{914}' | '\u{93e}'..='\u{94c}' => Some(VOWEL),
            _ => None,
        };
        out.extend(class);
        // A consonant without a vowel sign or a virama after it says its own "a", except at
        // the end of a word, where Hindi drops it.
        if ('\u{915}'..='\u{939}').contains(&c)
            && chars
                .get(i + 1)
                .is_some_and(|n| !matches!(n, '\u{93e}'..='\u{94d}'))
        {
            out.push(VOWEL);
        }
    }
}

fn han(word: &str, out: &mut Vec<char>) {
    for c in word.chars() {
        let Some(py) = c.to_pinyin() else { continue };
        let py = py.plain();
        let (initial, rest) = split_initial(py);
        let class = match initial {
            "b" => Some('B'),
            "p" => Some('B'),
            "d" => Some('D'),
            "t" => Some('T'),
            "g" => Some('G'),
            "k" => Some('K'),
            "f" | "w" => Some('F'),
            "s" | "z" | "c" | "x" | "zh" | "ch" | "sh" | "j" | "q" => Some('S'),
            "l" | "r" => Some('L'),
            "m" => Some('M'),
            "n" => Some('N'),
            _ => None,
        };
        out.extend(class);
        // Every syllable has its vowel.
        out.push(VOWEL);
        if rest.ends_with('n') || rest.ends_with("ng") {
            out.push('N');
        } else if rest == "er" {
            out.push('L');
        }
    }
}

fn split_initial(py: &str) -> (&str, &str) {
    for two in ["zh", "ch", "sh"] {
        if let Some(rest) = py.strip_prefix(two) {
            return (two, rest);
        }
    }
    match py.chars().next() {
        Some(c) if !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'v' | 'ü') => {
            py.split_at(c.len_utf8())
        }
        _ => ("", py),
    }
}

/// Han characters that Chinese uses to write foreign names by sound (the common ones of the
/// Xinhua transliteration tables). A run of them is read as a name; other Han text is not.
pub const HAN_SOUND_CHARS: &str = "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查察达戴丹道德登迪蒂丁东杜顿多厄恩尔法凡范菲费芬丰冯弗伏福夫富盖甘冈戈哥格根贡古圭哈海汉豪赫黑亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯孔库奎拉莱赖兰朗劳勒雷蕾里理利莉丽列林琳隆卢鲁路伦罗洛吕马玛迈麦曼芒毛梅门蒙米敏明莫默姆穆纳娜奈南内尼涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔切钦琼丘萨塞赛桑瑟森沙莎山尚舍什施史舒斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温翁沃乌伍武西希锡夏谢辛休雅亚扬耶叶伊因英尤于约泽扎詹朱佐茨兹娃肖";

pub fn is_han_sound(c: char) -> bool {
    HAN_SOUND_CHARS.contains(c)
}

#[cfg(test)]
mod tests {
    use super::super::text::fold;
    use super::*;

    fn k(word: &str, script: Script) -> Option<String> {
        key(&fold(word, script), script)
    }

    #[test]
    fn one_name_in_six_scripts_has_one_key() {
        let tokayev = Some("TKF".to_string());
        assert_eq!(k("Tokayev", Script::Latin), tokayev);
        assert_eq!(k("Tokajew", Script::Latin), tokayev);
        assert_eq!(k("Tokaïev", Script::Latin), tokayev);
        assert_eq!(k("توكاييف", Script::Arabic), tokayev);
        assert_eq!(k("तोकायेव", Script::Devanagari), tokayev);
        assert_eq!(k("托卡耶夫", Script::Han), tokayev);
    }

    #[test]
    fn more_names() {
        for (names, expected) in [
            (
                vec![
                    ("Stoltenberg", Script::Latin),
                    ("ستولتنبرغ", Script::Arabic),
                ],
                "STLTNBLG",
            ),
            (
                vec![
                    ("Biden", Script::Latin),
                    ("بايدن", Script::Arabic),
                    ("बाइडन", Script::Devanagari),
                    ("拜登", Script::Han),
                ],
                "BDN",
            ),
        ] {
            for (name, script) in names {
                assert_eq!(k(name, script).as_deref(), Some(expected), "{name}");
            }
        }
    }

    #[test]
    fn a_foreign_name_writes_its_vowels_where_the_latin_name_has_them() {
        let gaps = |word: &str, script| vowel_gaps(&fold(word, script), script);
        // Tokayev: T·o·K·a·F, in every script.
        for (name, script) in [
            ("Tokayev", Script::Latin),
            ("توكاييف", Script::Arabic),
            ("तोकायेव", Script::Devanagari),
            ("托卡耶夫", Script::Han),
        ] {
            assert_eq!(gaps(name, script), [true, true], "{name}");
        }
        assert_eq!(gaps("Trump", Script::Latin), [false, true, false]);
        assert_eq!(gaps("ترامب", Script::Arabic), [false, true, false]);
        assert_eq!(gaps("Bennett", Script::Latin), [true, true]);
        // "Official" has Michael's consonants, not his vowels.
        assert_eq!(k("مسؤول", Script::Arabic), k("Michael", Script::Latin));
        assert_eq!(gaps("مسؤول", Script::Arabic), [false, true]);
        assert_eq!(gaps("Michael", Script::Latin), [true, true]);
    }

    #[test]
    fn short_keys_are_none() {
        assert_eq!(k("Xi", Script::Latin), None);
        assert_eq!(k("王毅", Script::Han), None);
    }
}
