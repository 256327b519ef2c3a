//! Text as the story index reads it: words in any of the six languages' scripts, with the
//! spellings that vary for no reason (Arabic alef forms, Devanagari nukta, letter case, accents)
//! made one.

/// The script of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Arabic,
    Devanagari,
    Han,
    /// Digits in any script, with the separators between them, and a scale word after them.
    Number,
}

/// One word (or one run of Han characters, or one number) of a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub script: Script,
    /// As written, normalized (see `fold`); Han runs as they are.
    pub text: String,
    /// As written, for showing a reader what two articles share.
    pub raw: String,
    /// Latin words: written with a capital first letter.
    pub capitalized: bool,
    /// Latin words: written all in capitals (two letters or more).
    pub all_caps: bool,
    /// Followed, after optional spaces, by an opening parenthesis.
    pub before_paren: bool,
    /// Inside parentheses.
    pub in_paren: bool,
    /// Numbers: followed by a percent sign.
    pub percent: bool,
    /// Starts a sentence (first token, or after `.`, `!`, `?`, `。`, `:`).
    pub sentence_start: bool,
}

pub fn script_of(c: char) -> Option<Script> {
    match c {
        '0'..='9' => Some(Script::Number),
        c if c.is_ascii_alphabetic() => Some(Script::Latin),
        '\u{c0}'..='\u{24f}' if c.is_alphabetic() => Some(Script::Latin),
        '\u{1e00}'..='\u{1eff}' => Some(Script::Latin),
        '\u{660}'..='\u{669}'
        | '\u{6f0}'..='\u{6f9}'
        | '\u{966}'..='\u{96f}'
        | '\u{ff10}'..='\u{ff19}' => Some(Script::Number),
        '\u{600}'..='\u{6ff}'
        | '\u{750}'..='\u{77f}'
        | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{feff}' => Some(Script::Arabic),
        '\u{900}'..='\u{97f}' => Some(Script::Devanagari),
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' => {
            Some(Script::Han)
        }
        _ => None,
    }
}

/// A digit of any script as its value.
pub fn digit_value(c: char) -> Option<u32> {
    let base = match c {
        '0'..='9' => '0',
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6f0}'..='\u{6f9}' => '\u{6f0}',
        '\u{966}'..='\u{96f}' => '\u{966}',
        '\u{ff10}'..='\u{ff19}' => '\u{ff10}',
        _ => return None,
    };
    Some(c as u32 - base as u32)
}

/// One spelling for what is written several ways: Latin lower case without accents (ß as ss);
/// Arabic without vowel marks or tatweel, alef forms as bare alef, alef maqsura as ya, ta
/// marbuta as ha; Devanagari without nukta.
pub fn fold(word: &str, script: Script) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match script {
            Script::Latin => match c {
                'ß' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                '\'' | '’' => {}
                // Most Latin text is ASCII: no accent to look up.
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(unaccent(c).to_lowercase()),
            },
            Script::Arabic => match c {
                '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{640}' => {}
                'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
                'ى' => out.push('ي'),
                'ة' => out.push('ه'),
                c => out.push(c),
            },
            Script::Devanagari => match c {
                '\u{93c}' => {}
                // Precomposed nukta letters (U+0958..U+095F) as their base letters.
                '\u{958}' => out.push('\u{915}'),
                '\u{959}' => out.push('\u{916}'),
                '\u{95a}' => out.push('\u{917}'),
                '\u{95b}' => out.push('\u{91c}'),
                '\u{95c}' => out.push('\u{921}'),
                '\u{95d}' => out.push('\u{922}'),
                '\u{95e}' => out.push('\u{92b}'),
                '\u{95f}' => out.push('\u{92f}'),
                c => out.push(c),
            },
            Script::Han | Script::Number => out.push(c),
        }
    }
    out
}

/// A Latin letter without its accent.
fn unaccent(c: char) -> char {
    const FROM: &str = "àáâãäåāăąçćĉčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľłñńņňòóôõöøōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżžÀÁÂÃÄÅĀĂĄÇĆĈČĎĐÈÉÊËĒĔĖĘĚĜĞĠĢĤÌÍÎÏĨĪĬĮİĴĶĹĻĽŁÑŃŅŇÒÓÔÕÖØŌŎŐŔŖŘŚŜŞŠŢŤÙÚÛÜŨŪŬŮŰŲŴÝŸŶŹŻŽ";
    const TO: &str = "aaaaaaaaaccccddeeeeeeeeegggghiiiiiiiiijkllllnnnnooooooooorrrssssttuuuuuuuuuuwyyyzzzAAAAAAAAACCCCDDEEEEEEEEEGGGGHIIIIIIIIIJKLLLLNNNNOOOOOOOOORRRSSSSTTUUUUUUUUUUWYYYZZZ";
    match FROM.chars().position(|f| f == c) {
        Some(i) => TO.chars().nth(i).unwrap_or(c),
        None => c,
    }
}

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    let mut sentence_start = true;
    while i < chars.len() {
        let c = chars[i];
        let Some(script) = script_of(c) else {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth = depth.saturating_sub(1),
                '.' | '!' | '?' | '。' | '！' | '？' | ':' | '：' | '؟' | '।' => {
                    sentence_start = true
                }
                _ => {}
            }
            i += 1;
            continue;
        };
        let start = i;
        i += 1;
        match script {
            Script::Number => {
                // Separators count only between digits: "2,64,202", "264.202", "3,1".
                while i < chars.len() {
                    let d = chars[i];
                    let digit = script_of(d) == Some(Script::Number);
                    let separator = matches!(d, ',' | '.' | '٬' | '٫' | '\u{202f}')
                        && chars.get(i + 1).is_some_and(|&n| digit_value(n).is_some());
                    if !(digit || separator) {
                        break;
                    }
                    i += 1;
                }
            }
            _ => {
                while i < chars.len() {
                    let d = chars[i];
                    // Letters then digits are one Latin word: "A321neo", "N95".
                    let same = script_of(d) == Some(script)
                        || (script == Script::Latin && d.is_ascii_digit())
                        || (script == Script::Devanagari && is_devanagari_mark(d))
                        || (script == Script::Arabic && is_arabic_mark(d));
                    // Hyphens and apostrophes inside a Latin word keep it whole: "Co-operation",
                    // "Ha'apai"; the parts are read apart where that matters.
                    let joiner = script == Script::Latin
                        && matches!(d, '-' | '\'' | '’')
                        && chars
                            .get(i + 1)
                            .is_some_and(|&n| script_of(n) == Some(Script::Latin));
                    if same || joiner {
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
        }
        let mut raw: String = chars[start..i].iter().collect();
        // "Tokayev's" is Tokayev; "l'accord" is accord.
        if script == Script::Latin {
            if let Some((head, rest)) = raw.split_once(['\'', '’'])
                && ["l", "d", "qu", "s", "n", "j", "c", "m", "t"]
                    .contains(&head.to_lowercase().as_str())
                && rest.chars().count() >= 2
            {
                raw = rest.to_string();
            }
            for possessive in ["'s", "’s"] {
                if raw.len() > possessive.len() + 2 && raw.ends_with(possessive) {
                    raw.truncate(raw.len() - possessive.len());
                }
            }
        }
        let (capitalized, all_caps) = if script == Script::Latin {
            let mut letters = raw.chars().filter(|c| c.is_alphabetic());
            let first = letters.next();
            let (mut count, mut upper) = (usize::from(first.is_some()), true);
            for c in letters {
                count += 1;
                upper &= c.is_uppercase();
            }
            let first_upper = first.is_some_and(char::is_uppercase);
            (first_upper, count >= 2 && first_upper && upper)
        } else {
            (false, false)
        };
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let before_paren = matches!(chars.get(j), Some('(' | '（'));
        let percent = script == Script::Number && matches!(chars.get(j), Some('%' | '٪' | '％'));
        out.push(Token {
            script,
            text: fold(&raw, script),
            raw,
            capitalized,
            all_caps,
            before_paren,
            percent,
            in_paren: depth > 0,
            sentence_start,
        });
        sentence_start = false;
    }
    out
}

fn is_devanagari_mark(c: char) -> bool {
    matches!(c, '\u{900}'..='\u{903}' | '\u{93a}'..='\u{94f}' | '\u{951}'..='\u{957}' | '\u{962}' | '\u{963}')
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{640}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_every_script_are_tokens() {
        let toks = tokens("NATO (北约) कज़ाखस्तान, أبوظبي 2,64,202 Tokaïev's l'OTSC");
        let texts: Vec<_> = toks.iter().map(|t| (t.script, t.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (Script::Latin, "nato"),
                (Script::Han, "北约"),
                (Script::Devanagari, "कजाखस्तान"),
                (Script::Arabic, "ابوظبي"),
                (Script::Number, "2,64,202"),
                (Script::Latin, "tokaiev"),
                (Script::Latin, "otsc"),
            ]
        );
        assert!(toks[0].all_caps && toks[0].before_paren && !toks[0].in_paren);
        assert!(toks[1].in_paren);
    }

    #[test]
    fn digits_of_any_script_have_their_value() {
        for (c, v) in [('7', 7), ('٧', 7), ('۷', 7), ('७', 7), ('７', 7)] {
            assert_eq!(digit_value(c), Some(v), "{c}");
        }
    }
}
