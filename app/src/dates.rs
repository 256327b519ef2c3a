//! The article page's UTC line in the interface's six languages, and a story's reading time.
//!
//! The names are written here rather than taken from a locale library: chrono's locales (or
//! ICU's data) would add tens of kilobytes to the wasm a first visit downloads, for twelve
//! months and seven days in five languages. English is the specification's own line
//! (`model::utc_line`); the others follow each language's usual order, with Western digits
//! (what the outlets Panorama reads in Arabic and Hindi print).

use crate::model::{Language, utc_line};
use chrono::{DateTime, Datelike, Timelike, Utc};

const DAYS_DE: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const DAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const DAYS_HI: [&str; 7] = [
    "सोमवार",
    "मंगलवार",
    "बुधवार",
    "गुरुवार",
    "शुक्रवार",
    "शनिवार",
    "रविवार",
];
const MONTHS_HI: [&str; 12] = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्तूबर",
    "नवंबर",
    "दिसंबर",
];
const DAYS_AR: [&str; 7] = [
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const DAYS_ZH: [&str; 7] = [
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
];

/// `at` in UTC as the article page shows it, in `language`: the specification's line in
/// English (`Monday, January 17, 2022 11:21:53 AM UTC`), the same facts in the others.
pub fn utc_line_in(language: Language, at: DateTime<Utc>) -> String {
    let weekday = at.weekday().num_days_from_monday() as usize;
    let month = at.month0() as usize;
    let (day, year) = (at.day(), at.year());
    let (h, m, s) = (at.hour(), at.minute(), at.second());
    let twelve = match h % 12 {
        0 => 12,
        h => h,
    };
    match language {
        Language::En => utc_line(at),
        Language::De => format!(
            "{}, {day}. {} {year}, {h:02}:{m:02}:{s:02} UTC",
            DAYS_DE[weekday], MONTHS_DE[month]
        ),
        Language::Fr => format!(
            "{} {day} {} {year}, {h:02}:{m:02}:{s:02} UTC",
            DAYS_FR[weekday], MONTHS_FR[month]
        ),
        Language::Hi => format!(
            "{}, {day} {} {year}, {twelve}:{m:02}:{s:02} {} UTC",
            DAYS_HI[weekday],
            MONTHS_HI[month],
            if h < 12 { "am" } else { "pm" }
        ),
        Language::Ar => format!(
            "{}، {day} {} {year}، {twelve}:{m:02}:{s:02} {} UTC",
            DAYS_AR[weekday],
            MONTHS_AR[month],
            if h < 12 { "ص" } else { "م" }
        ),
        Language::Zh => format!(
            "{year}年{}月{day}日{} UTC {h:02}:{m:02}:{s:02}",
            month + 1,
            DAYS_ZH[weekday]
        ),
    }
}

/// Minutes a reader takes over a story's text (HTML): about 220 words a minute where words are
/// spaced, 400 characters a minute in Chinese; one at least.
pub fn reading_minutes(html: &str) -> u32 {
    let (mut words, mut han, mut in_tag, mut in_word) = (0u32, 0u32, false, false);
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                in_word = false;
            }
            '>' => in_tag = false,
            _ if in_tag => {}
            c if ('\u{4E00}'..='\u{9FFF}').contains(&c)
                || ('\u{3400}'..='\u{4DBF}').contains(&c) =>
            {
                han += 1;
                in_word = false;
            }
            c if c.is_whitespace() => in_word = false,
            _ => {
                if !in_word {
                    words += 1;
                    in_word = true;
                }
            }
        }
    }
    let minutes = f64::from(words) / 220.0 + f64::from(han) / 400.0;
    (minutes.round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_utc_line_in_every_interface_language() {
        let at = Utc.with_ymd_and_hms(2022, 1, 17, 11, 21, 53).unwrap();
        assert_eq!(
            utc_line_in(Language::En, at),
            "Monday, January 17, 2022 11:21:53 AM UTC"
        );
        assert_eq!(
            utc_line_in(Language::De, at),
            "Montag, 17. Januar 2022, 11:21:53 UTC"
        );
        assert_eq!(
            utc_line_in(Language::Fr, at),
            "lundi 17 janvier 2022, 11:21:53 UTC"
        );
        assert_eq!(
            utc_line_in(Language::Hi, at),
            "सोमवार, 17 जनवरी 2022, 11:21:53 am UTC"
        );
        assert_eq!(
            utc_line_in(Language::Ar, at),
            "الاثنين، 17 يناير 2022، 11:21:53 ص UTC"
        );
        assert_eq!(
            utc_line_in(Language::Zh, at),
            "2022年1月17日星期一 UTC 11:21:53"
        );
        let evening = Utc.with_ymd_and_hms(2021, 12, 31, 23, 0, 7).unwrap();
        assert_eq!(
            utc_line_in(Language::Ar, evening),
            "الجمعة، 31 ديسمبر 2021، 11:00:07 م UTC"
        );
    }

    #[test]
    fn reading_time_counts_words_not_markup() {
        let words = "word ".repeat(660);
        assert_eq!(
            reading_minutes(&format!("<p class=\"x y z\">{words}</p>")),
            3
        );
        assert_eq!(reading_minutes("<p>Short.</p>"), 1);
        assert_eq!(reading_minutes(&"中".repeat(1200)), 3);
    }
}
