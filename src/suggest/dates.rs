//! The dates a sentence gives, in French or English: full dates, months, years, and the
//! words that count from the day of writing ("jeudi", "hier", "le mois dernier",
//! "last month"), resolved against a reference day and marked as inferred.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::model::Date;

const MONTHS_FR: &str =
    "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre";
const MONTHS_EN: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
const WEEKDAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const WEEKDAYS_EN: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A date found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The date, at the precision the words give.
    pub date: Date,
    /// The words, as written.
    pub words: String,
    /// Why the date is not simply read off the words, when it is not.
    pub inferred: Option<String>,
    /// Whether the date is an inference from the day of writing (`approximate`).
    pub approximate: bool,
}

/// What relative words are counted from.
#[derive(Debug, Clone, Copy)]
pub struct Reference {
    /// The source's publication date (partial dates allowed).
    pub published: Date,
    /// The day of writing, when known: the publication day, or the latest full date
    /// the text gives inside its publication period.
    pub day: Option<Date>,
}

fn compile(pattern: &str) -> Regex {
    // The patterns are constants of this file, checked by its tests.
    Regex::new(pattern).unwrap_or_else(|_| Regex::new("$^").unwrap_or_else(|_| unreachable!()))
}

static DAY_FR: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(1er|[0-3]?\d)\s+({MONTHS_FR})(?:\s+(\d{{4}}))?\b"
    ))
});
static DAY_EN: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b({MONTHS_EN})\s+([0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
    ))
});
static DAY_EN_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b([0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS_EN})(?:,?\s+(\d{{4}}))?\b"
    ))
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b({MONTHS_FR})\s+(\d{{4}})\b|\b((?-i:{MONTHS_EN})),?\s+(\d{{4}})\b"
    ))
});
static MONTH_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?:en|début|fin|mi-|depuis)\s*(?:de\s+|d')?({MONTHS_FR})\b|\b(?:in|early|late|since|last)\s+((?-i:{MONTHS_EN}))\b"
    ))
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:en|depuis|dès|in|since|of)\s+((?:19|20)\d{2})\b"));
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|\b((?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    )
});
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(avant-hier|hier|aujourd['’]hui|le mois dernier|le mois précédent|l['’]an dernier|l['’]année dernière|the day before yesterday|yesterday|today|last month|last year)\b",
    )
});

/// The day of the week named in French or English (`samedi`, `Saturday`), any case:
/// 0 for Monday to 6 for Sunday.
pub fn weekday_number(name: &str) -> Option<usize> {
    let lower = name.to_lowercase();
    WEEKDAYS_FR
        .iter()
        .position(|d| *d == lower)
        .or_else(|| WEEKDAYS_EN.iter().position(|d| *d == lower))
}

/// The number of a month named in French or English (`février`, `February`), any case.
pub fn month_number(name: &str) -> Option<u8> {
    let folded: String = name
        .to_lowercase()
        .replace(['é', 'è'], "e")
        .replace('û', "u");
    let fr = [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ];
    let en = MONTHS_EN.to_lowercase();
    fr.iter()
        .position(|m| *m == folded)
        .or_else(|| en.split('|').position(|m| m == folded))
        .and_then(|i| u8::try_from(i + 1).ok())
}

fn date(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Date> {
    let text = match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    };
    Date::parse(&text).ok()
}

/// The year of a month (and day) written without one: the latest such date not after
/// the publication.
fn year_for(reference: &Reference, month: u8, day: Option<u8>) -> u16 {
    let published = reference.published;
    let year = published.year;
    let candidate = date(year, Some(month), day);
    let after = candidate.is_some_and(|c| c.first_day() > published.last_day());
    if after { year - 1 } else { year }
}

fn full_day(
    caps: &Captures,
    reference: &Reference,
    day_at: usize,
    month_at: usize,
) -> Option<Found> {
    let day_text = caps.get(day_at)?.as_str();
    let day: u8 = if day_text.eq_ignore_ascii_case("1er") {
        1
    } else {
        day_text.parse().ok()?
    };
    let month = month_number(caps.get(month_at)?.as_str())?;
    let (year, inferred) = match caps.get(3) {
        Some(y) => (y.as_str().parse().ok()?, None),
        None => (
            year_for(reference, month, Some(day)),
            Some(format!(
                "the year is that of the publication ({})",
                reference.published
            )),
        ),
    };
    Some(Found {
        date: date(year, Some(month), Some(day))?,
        words: caps.get(0)?.as_str().to_string(),
        inferred,
        approximate: false,
    })
}

fn shift_months(date: Date, back: u16) -> Option<Date> {
    let month = date.month?;
    let index = i32::from(date.year) * 12 + i32::from(month) - 1 - i32::from(back);
    let year = u16::try_from(index / 12).ok()?;
    let month = u8::try_from(index % 12 + 1).ok()?;
    self::date(year, Some(month), None)
}

fn relative(words: &str, reference: &Reference) -> Option<Found> {
    let lower = words.to_lowercase().replace('’', "'");
    let day = |back: i64| {
        reference
            .day
            .and_then(|d| Date::from_day_number(d.first_day() - back))
    };
    let date = match lower.as_str() {
        "aujourd'hui" | "today" => day(0)?,
        "hier" | "yesterday" => day(1)?,
        "avant-hier" | "the day before yesterday" => day(2)?,
        "le mois dernier" | "le mois précédent" | "last month" => {
            shift_months(reference.day.unwrap_or(reference.published), 1)?
        }
        _ => self::date(reference.published.year - 1, None, None)?,
    };
    Some(Found {
        date,
        words: words.to_string(),
        inferred: Some(format!(
            "counted from the day of writing ({})",
            reference.day.unwrap_or(reference.published)
        )),
        approximate: true,
    })
}

fn weekday(caps: &Captures, reference: &Reference) -> Option<Found> {
    let name = caps.get(0)?.as_str();
    let index = weekday_number(name)?;
    let day = reference.day?;
    let n = day.first_day();
    let back = (i64::from(Date::weekday(n)) - i64::try_from(index).ok()?).rem_euclid(7);
    Some(Found {
        date: Date::from_day_number(n - back)?,
        words: name.to_string(),
        inferred: Some(format!(
            "the last {name} on or before the day of writing ({day})"
        )),
        approximate: true,
    })
}

/// Spans already read, so that a shorter pattern does not read the same words again.
#[derive(Default)]
struct Taken(Vec<(usize, usize)>);

impl Taken {
    fn free(&self, start: usize, end: usize) -> bool {
        self.0.iter().all(|&(s, e)| end <= s || start >= e)
    }
}

fn scan<'s>(
    sentence: &'s str,
    pattern: &Regex,
    taken: &mut Taken,
    found: &mut Vec<(usize, Found)>,
    read: impl Fn(&Captures<'s>) -> Option<Found>,
) {
    for caps in pattern.captures_iter(sentence) {
        let Some(whole) = caps.get(0) else { continue };
        if !taken.free(whole.start(), whole.end()) {
            continue;
        }
        if let Some(f) = read(&caps) {
            taken.0.push((whole.start(), whole.end()));
            found.push((whole.start(), f));
        }
    }
}

/// Every date `sentence` gives, in the order written.
pub fn dates(sentence: &str, reference: &Reference) -> Vec<Found> {
    let mut taken = Taken::default();
    let mut found = Vec::new();
    scan(sentence, &DAY_FR, &mut taken, &mut found, |c| {
        full_day(c, reference, 1, 2)
    });
    scan(sentence, &DAY_EN, &mut taken, &mut found, |c| {
        full_day(c, reference, 2, 1)
    });
    scan(sentence, &DAY_EN_FIRST, &mut taken, &mut found, |c| {
        full_day(c, reference, 1, 2)
    });
    scan(sentence, &MONTH_YEAR, &mut taken, &mut found, |c| {
        let month = month_number(c.get(1).or_else(|| c.get(3))?.as_str())?;
        let year = c.get(2).or_else(|| c.get(4))?.as_str().parse().ok()?;
        Some(Found {
            date: date(year, Some(month), None)?,
            words: c.get(0)?.as_str().to_string(),
            inferred: None,
            approximate: false,
        })
    });
    scan(sentence, &MONTH_ALONE, &mut taken, &mut found, |c| {
        let month = month_number(c.get(1).or_else(|| c.get(2))?.as_str())?;
        Some(Found {
            date: date(year_for(reference, month, None), Some(month), None)?,
            words: c.get(0)?.as_str().to_string(),
            inferred: Some(format!(
                "the year is that of the latest such month up to the publication ({})",
                reference.published
            )),
            approximate: false,
        })
    });
    scan(sentence, &YEAR, &mut taken, &mut found, |c| {
        Some(Found {
            date: date(c.get(1)?.as_str().parse().ok()?, None, None)?,
            words: c.get(0)?.as_str().to_string(),
            inferred: None,
            approximate: false,
        })
    });
    scan(sentence, &RELATIVE, &mut taken, &mut found, |c| {
        relative(c.get(0)?.as_str(), reference)
    });
    scan(sentence, &WEEKDAY, &mut taken, &mut found, |c| {
        weekday(c, reference)
    });
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, f)| f).collect()
}

/// The full dates written with their year in `text`.
pub fn explicit_days(text: &str) -> Vec<Date> {
    explicit_days_with_words(text)
        .into_iter()
        .map(|(date, _)| date)
        .collect()
}

/// The full dates written with their year in `text`, each with the words that give it.
pub fn explicit_days_with_words(text: &str) -> Vec<(Date, String)> {
    let reference = Reference {
        published: Date {
            year: 9999,
            month: None,
            day: None,
        },
        day: None,
    };
    dates(text, &reference)
        .into_iter()
        .filter(|f| f.inferred.is_none() && f.date.day.is_some())
        .map(|f| (f.date, f.words))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(published: &str, day: Option<&str>) -> Reference {
        Reference {
            published: Date::parse(published).unwrap_or(Date {
                year: 1,
                month: None,
                day: None,
            }),
            day: day.and_then(|d| Date::parse(d).ok()),
        }
    }

    fn read(sentence: &str, r: &Reference) -> Vec<String> {
        dates(sentence, r)
            .into_iter()
            .map(|f| f.date.to_string())
            .collect()
    }

    #[test]
    fn full_months_and_years_in_both_languages() {
        let r = reference("2024-05-02", Some("2024-05-02"));
        assert_eq!(
            read("Le 26 juillet 2023, l'armée a renversé le président.", &r),
            ["2023-07-26"]
        );
        assert_eq!(
            read("— LSI AFRICA (@lsiafrica) April 11, 2024", &r),
            ["2024-04-11"]
        );
        assert_eq!(read("On 3rd of March 2021 it rained.", &r), ["2021-03-03"]);
        assert_eq!(read("depuis février 2022", &r), ["2022-02"]);
        assert_eq!(
            read("Les soldats sont partis en décembre.", &r),
            ["2023-12"]
        );
        assert_eq!(read("in 2019, nothing", &r), ["2019"]);
    }

    #[test]
    fn weekdays_count_back_across_a_month_end() {
        // 2024-05-02 is a Thursday: the Tuesday before is 30 April.
        let r = reference("2024-05-02", Some("2024-05-02"));
        assert_eq!(read("mardi soir, à Niamey", &r), ["2024-04-30"]);
        assert_eq!(read("on Wednesday", &r), ["2024-05-01"]);
        assert_eq!(read("jeudi", &r), ["2024-05-02"]);
        assert_eq!(read("hier", &r), ["2024-05-01"]);
        assert!(dates("jeudi", &r).iter().all(|f| f.approximate));
    }

    #[test]
    fn months_without_a_year_take_the_latest_one() {
        let r = reference("2024-01-15", Some("2024-01-15"));
        assert_eq!(read("le 26 mars", &r), ["2023-03-26"]);
        assert_eq!(read("le mois dernier", &r), ["2023-12"]);
        assert_eq!(read("last month", &r), ["2023-12"]);
    }

    #[test]
    fn no_day_of_writing_no_weekday() {
        let r = reference("2024-04", None);
        assert!(read("jeudi", &r).is_empty());
        assert_eq!(read("le 26 mars", &r), ["2024-03-26"]);
    }
}
