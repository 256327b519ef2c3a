//! Search: a reader's words turned into a query on the store's search keys, and the matched
//! words found again in a title or summary to mark them. A query is data, never syntax: every
//! term is reduced to tokens made of letters and digits (see `keys`) before it is written into
//! the full-text expression, so quotes, `*`, `NEAR(`, `^`, `:` or `OR` typed by a reader are
//! words or nothing.

pub mod keys;

/// The longest query read, in characters; a longer one is refused with a message.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most terms (words and phrases) a query may have.
pub const MAX_TERMS: usize = 16;
/// A word of at least this many characters also finds longer words it begins (Kazakh finds
/// Kazakhstan); shorter words must match whole.
pub const PREFIX_FROM_CHARS: usize = 3;

/// Why a query cannot be searched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("search: type a word to search for")]
    Empty,
    #[error("search: the query is longer than {MAX_QUERY_CHARS} characters")]
    TooLong,
    #[error("search: the query has more than {MAX_TERMS} words")]
    TooManyTerms,
}

/// How a full-text engine writes a query (`Query::fts5`, `Query::tsquery`).
struct Syntax<'a> {
    quote: &'a dyn Fn(&str) -> String,
    /// After a word that may begin a longer one.
    prefix: &'static str,
    or: &'static str,
    and: &'static str,
    phrase: &'a dyn Fn(&[String]) -> String,
}

/// One thing the reader asked for: a word, or words that must stand together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// One token; `prefix` when it may begin a longer word.
    Word { token: String, prefix: bool },
    /// Tokens in this order, next to each other: a quoted phrase, or a word that folds into
    /// several tokens (a Han word, `covid-19`).
    Phrase(Vec<String>),
}

/// A parsed query: every term must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    /// Reads what the reader typed: words, and `"quoted words"` as phrases. An unclosed quote
    /// quotes the rest.
    pub fn parse(raw: &str) -> Result<Query, QueryError> {
        if raw.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryError::TooLong);
        }
        let mut terms = Vec::new();
        for (i, part) in raw.split('"').enumerate() {
            let quoted = i % 2 == 1;
            if quoted {
                let tokens = keys::tokens(part);
                match tokens.len() {
                    0 => {}
                    1 => terms.push(Term::Word {
                        token: tokens.into_iter().next().unwrap_or_default(),
                        prefix: false,
                    }),
                    _ => terms.push(Term::Phrase(tokens)),
                }
                continue;
            }
            for word in part.split_whitespace() {
                let tokens = keys::tokens(word);
                match tokens.len() {
                    0 => {}
                    1 => {
                        let token = tokens.into_iter().next().unwrap_or_default();
                        let prefix = token.chars().count() >= PREFIX_FROM_CHARS
                            && !token.chars().all(keys::is_unspaced);
                        terms.push(Term::Word { token, prefix });
                    }
                    _ => terms.push(Term::Phrase(tokens)),
                }
            }
        }
        terms.dedup();
        if terms.is_empty() {
            return Err(QueryError::Empty);
        }
        if terms.len() > MAX_TERMS {
            return Err(QueryError::TooManyTerms);
        }
        Ok(Query { terms })
    }

    /// The expression for SQLite's FTS5 over the `keys` column. Every token is quoted and holds
    /// only letters, digits and marks, so nothing typed becomes an operator.
    pub fn fts5(&self) -> String {
        let quoted = |t: &str| format!("\"{t}\"");
        self.expression(&Syntax {
            quote: &quoted,
            prefix: "*",
            or: " OR ",
            and: " AND ",
            phrase: &|tokens| quoted(&tokens.join(" ")),
        })
    }

    /// The same expression as a PostgreSQL tsquery literal over the tsvector of the keys
    /// (`keys::tsvector`): quoted lexemes, `:*` for a prefix, `<->` between a phrase's tokens.
    /// Cast with `::tsquery`, never `to_tsquery`, so PostgreSQL does not parse the words again.
    pub fn tsquery(&self) -> String {
        self.expression(&Syntax {
            quote: &keys::quoted_lexeme,
            prefix: ":*",
            or: " | ",
            and: " & ",
            phrase: &|tokens| {
                let lexemes: Vec<String> = tokens.iter().map(|t| keys::quoted_lexeme(t)).collect();
                format!("({})", lexemes.join(" <-> "))
            },
        })
    }

    /// The terms in `syntax`: every term required, a word in any of its forms.
    fn expression(&self, syntax: &Syntax) -> String {
        self.terms
            .iter()
            .map(|term| match term {
                Term::Word { token, prefix } => {
                    let mark = if *prefix { syntax.prefix } else { "" };
                    let forms: Vec<String> = keys::query_forms(token)
                        .into_iter()
                        .map(|f| format!("{}{mark}", (syntax.quote)(f)))
                        .collect();
                    if forms.len() == 1 {
                        forms.into_iter().next().unwrap_or_default()
                    } else {
                        format!("({})", forms.join(syntax.or))
                    }
                }
                Term::Phrase(tokens) => (syntax.phrase)(tokens),
            })
            .collect::<Vec<_>>()
            .join(syntax.and)
    }

    /// Whether the folded `token` of a text is one the query asks for (for marking).
    fn matches_token(&self, token: &str) -> bool {
        self.terms.iter().any(|term| match term {
            Term::Word { token: t, prefix } => word_matches(t, *prefix, token),
            Term::Phrase(tokens) => tokens.iter().any(|t| t == token),
        })
    }

    /// Whether `text` holds every term as the index would find it (a word in any of its forms,
    /// a phrase's tokens side by side): for stories the store does not hold, a reader's own
    /// feeds', searched in memory.
    pub fn matches(&self, text: &str) -> bool {
        let tokens = keys::tokens(text);
        self.terms.iter().all(|term| match term {
            Term::Word { token, prefix } => tokens.iter().any(|t| word_matches(token, *prefix, t)),
            Term::Phrase(phrase) => {
                !phrase.is_empty() && tokens.windows(phrase.len()).any(|w| w == phrase.as_slice())
            }
        })
    }
}

/// Whether a text's folded `token` is the query word `word` (any of its forms; a longer word
/// when `prefix`), or is once its Arabic proclitic is set aside.
fn word_matches(word: &str, prefix: bool, token: &str) -> bool {
    keys::query_forms(word).iter().any(|f| {
        std::iter::once(token)
            .chain(keys::bare_form(token))
            .any(|form| form == *f || (prefix && form.starts_with(f)))
    })
}

/// A piece of text, marked when it is one of the words searched for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// `text` cut into pieces, the words the query matched marked. Unspaced scripts are marked
/// character by character where they belong to a searched phrase.
pub fn mark(text: &str, query: &Query) -> Vec<app::model::Marked> {
    let mut pieces: Vec<app::model::Marked> = Vec::new();
    let mut push = |s: &str, marked: bool| {
        if s.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(s),
            _ => pieces.push(app::model::Marked {
                text: s.to_string(),
                marked,
            }),
        }
    };
    // Han phrases are found as runs of characters in the text as written.
    let han_phrases: Vec<String> = query
        .terms
        .iter()
        .filter_map(|t| match t {
            Term::Phrase(tokens) if tokens.iter().all(|t| t.chars().all(keys::is_unspaced)) => {
                Some(tokens.concat())
            }
            Term::Word { token, .. } if token.chars().all(keys::is_unspaced) => Some(token.clone()),
            _ => None,
        })
        .collect();
    let mut han_marked = vec![false; text.len()];
    for phrase in &han_phrases {
        for (at, _) in text.match_indices(phrase.as_str()) {
            han_marked[at..at + phrase.len()].fill(true);
        }
    }
    let mut word_start: Option<usize> = None;
    let flush_word = |start: usize, end: usize, push: &mut dyn FnMut(&str, bool)| {
        let word = &text[start..end];
        let marked = keys::tokens(word).iter().any(|t| query.matches_token(t));
        push(word, marked);
    };
    for (at, c) in text.char_indices() {
        let in_word = keys::is_word_char(c) && !keys::is_unspaced(c) || is_combining(c);
        if in_word {
            word_start.get_or_insert(at);
            continue;
        }
        if let Some(start) = word_start.take() {
            flush_word(start, at, &mut push);
        }
        push(&text[at..at + c.len_utf8()], han_marked[at]);
    }
    if let Some(start) = word_start {
        flush_word(start, text.len(), &mut push);
    }
    pieces
}

/// Marks and joiners that belong to the word they sit in (Arabic vowels, tatweel, accents).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// About this many characters of a summary are shown under a result, around the first match.
pub const SNIPPET_CHARS: usize = 200;

/// The part of `text` around the first marked word, marked, with an ellipsis where cut.
pub fn snippet(text: &str, query: &Query) -> Vec<app::model::Marked> {
    let pieces = mark(text, query);
    let total: usize = pieces.iter().map(|p| p.text.chars().count()).sum();
    if total <= SNIPPET_CHARS {
        return pieces;
    }
    // Start a little before the first match, at a piece boundary.
    let mut offset = 0;
    let mut first = 0;
    for p in &pieces {
        if p.marked {
            first = offset;
            break;
        }
        offset += p.text.chars().count();
    }
    let start = first.saturating_sub(SNIPPET_CHARS / 4);
    let end = start + SNIPPET_CHARS;
    let mut out = Vec::new();
    let mut at = 0;
    for p in pieces {
        let len = p.text.chars().count();
        let (from, to) = (start.max(at), end.min(at + len));
        if from < to {
            let text: String = p.text.chars().skip(from - at).take(to - from).collect();
            out.push(app::model::Marked {
                text,
                marked: p.marked,
            });
        }
        at += len;
    }
    if start > 0
        && let Some(first) = out.first_mut()
    {
        first.text.insert(0, '…');
    }
    if end < total
        && let Some(last) = out.last_mut()
    {
        last.text.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(t: &str, prefix: bool) -> Term {
        Term::Word {
            token: t.into(),
            prefix,
        }
    }

    #[test]
    fn a_text_matches_in_memory_as_the_index_would_find_it() {
        let text = "俄罗斯领导的集体安全条约组织部队抵达 · قمة الدوحة تبحث الأمن · Peacekeeping troops in Kazakhstan";
        for q in [
            "部队",
            "الدوحة",
            "الدوحه",
            "دوحة",
            "kazakh",
            "\"troops in\"",
            "peacekeeping 集体安全",
        ] {
            assert!(Query::parse(q).unwrap().matches(text), "{q}");
        }
        for q in ["\"in troops\"", "部长", "kazakhstan paris", "troopship"] {
            assert!(!Query::parse(q).unwrap().matches(text), "{q}");
        }
    }

    #[test]
    fn words_phrases_and_han_words() {
        let q = Query::parse(r#"Kazakhstan "peace keeping" 政变 EU"#).unwrap();
        assert_eq!(
            q.terms,
            vec![
                word("kazakhstan", true),
                Term::Phrase(vec!["peace".into(), "keeping".into()]),
                Term::Phrase(vec!["政".into(), "变".into()]),
                word("eu", false),
            ]
        );
        assert_eq!(
            q.fts5(),
            r#""kazakhstan"* AND "peace keeping" AND "政 变" AND "eu""#
        );
        assert_eq!(
            q.tsquery(),
            "'kazakhstan':* & ('peace' <-> 'keeping') & ('政' <-> '变') & 'eu'"
        );
    }

    #[test]
    fn syntax_typed_by_a_reader_is_only_words() {
        for hostile in [
            r#"" OR 1=1 --"#,
            "NEAR(a b, 2)",
            "^title: x*",
            "a\0b",
            "'; DROP TABLE stories; --",
            r#"""""""#,
            "{col1 col2}: x",
        ] {
            match Query::parse(hostile) {
                Ok(q) => {
                    let expr = q.fts5();
                    // Outside the quotes there are only operators we wrote and spaces.
                    let outside: String = expr.split('"').step_by(2).collect();
                    assert!(
                        outside
                            .replace("AND", "")
                            .replace("OR", "")
                            .chars()
                            .all(|c| " ()*".contains(c)),
                        "{hostile:?} gave {expr:?}"
                    );
                }
                Err(e) => assert_eq!(e, QueryError::Empty, "{hostile:?}"),
            }
            if let Ok(q) = Query::parse(hostile) {
                let expr = q.tsquery();
                let outside: String = expr.split('\'').step_by(2).collect();
                assert!(
                    outside.chars().all(|c| " ()*:&|<->".contains(c)),
                    "{hostile:?} gave {expr:?}"
                );
            }
        }
        assert_eq!(Query::parse("!!! 🙂"), Err(QueryError::Empty));
        assert_eq!(Query::parse(&"x".repeat(5000)), Err(QueryError::TooLong));
        assert_eq!(
            Query::parse(&"ab ".repeat(40)).map(|q| q.terms.len()),
            Ok(1),
            "repeated words count once"
        );
    }

    #[test]
    fn arabic_definite_words_search_the_bare_word_too() {
        let q = Query::parse("الكويت").unwrap();
        assert_eq!(q.fts5(), r#"("الكويت"* OR "كويت"*)"#);
        assert_eq!(q.tsquery(), "('الكويت':* | 'كويت':*)");
    }

    fn marked(pieces: &[app::model::Marked]) -> Vec<&str> {
        pieces
            .iter()
            .filter(|p| p.marked)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn matched_words_are_marked_as_written() {
        let q = Query::parse("brucke kazakh").unwrap();
        let pieces = mark("Die Brücke in Kazakhstan, BRÜCKE!", &q);
        assert_eq!(marked(&pieces), ["Brücke", "Kazakhstan", "BRÜCKE"]);
        let all: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(all, "Die Brücke in Kazakhstan, BRÜCKE!");

        let q = Query::parse("政变").unwrap();
        assert_eq!(marked(&mark("哈萨克斯坦发生政变。", &q)), ["政变"]);

        let q = Query::parse("كويت").unwrap();
        assert_eq!(marked(&mark("أمير الْكُوَيْت اليوم", &q)), ["الْكُوَيْت"]);
    }

    #[test]
    fn a_long_summary_is_cut_around_the_first_match() {
        let text = format!("{} Tokayev {}", "word ".repeat(100), "more ".repeat(100));
        let q = Query::parse("tokayev").unwrap();
        let s = snippet(&text, &q);
        assert_eq!(marked(&s), ["Tokayev"]);
        let len: usize = s.iter().map(|p| p.text.chars().count()).sum();
        assert!(len <= SNIPPET_CHARS + 2);
        assert!(s[0].text.starts_with('…'));
    }
}
