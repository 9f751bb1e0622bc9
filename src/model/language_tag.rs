//! The language of a source's text: any language, as a BCP 47 tag (`de`, `ru`, `ar`,
//! `pt-BR`, `zh-Hant`), its form checked and its case made canonical. The dossier's own
//! `language` stays [`Language`], the two languages of the interface.

use std::fmt;

use super::Language;

/// A language tag: a primary language of 2 or 3 letters, then an optional script
/// (4 letters), region (2 letters or 3 digits) and variants, joined by `-`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageTag(Box<str>);

/// A language the site names in words, with its ISO 639-3 code (for `FollowTheMoney`)
/// and its name in English and in French.
struct Known {
    code: &'static str,
    iso3: &'static str,
    en: &'static str,
    fr: &'static str,
}

macro_rules! known {
    ($($code:literal $iso3:literal $en:literal $fr:literal),+ $(,)?) => {
        &[$(Known { code: $code, iso3: $iso3, en: $en, fr: $fr }),+]
    };
}

/// The languages named in words, by code.
const KNOWN: &[Known] = known![
    "am" "amh" "Amharic" "amharique",
    "ar" "ara" "Arabic" "arabe",
    "az" "aze" "Azerbaijani" "azerbaïdjanais",
    "be" "bel" "Belarusian" "biélorusse",
    "bg" "bul" "Bulgarian" "bulgare",
    "bm" "bam" "Bambara" "bambara",
    "bn" "ben" "Bengali" "bengali",
    "ca" "cat" "Catalan" "catalan",
    "cs" "ces" "Czech" "tchèque",
    "da" "dan" "Danish" "danois",
    "de" "deu" "German" "allemand",
    "el" "ell" "Greek" "grec",
    "en" "eng" "English" "anglais",
    "es" "spa" "Spanish" "espagnol",
    "et" "est" "Estonian" "estonien",
    "fa" "fas" "Persian" "persan",
    "ff" "ful" "Fula" "peul",
    "fi" "fin" "Finnish" "finnois",
    "fr" "fra" "French" "français",
    "ha" "hau" "Hausa" "haoussa",
    "he" "heb" "Hebrew" "hébreu",
    "hi" "hin" "Hindi" "hindi",
    "hr" "hrv" "Croatian" "croate",
    "hu" "hun" "Hungarian" "hongrois",
    "hy" "hye" "Armenian" "arménien",
    "id" "ind" "Indonesian" "indonésien",
    "it" "ita" "Italian" "italien",
    "ja" "jpn" "Japanese" "japonais",
    "ka" "kat" "Georgian" "géorgien",
    "kk" "kaz" "Kazakh" "kazakh",
    "ko" "kor" "Korean" "coréen",
    "ku" "kur" "Kurdish" "kurde",
    "lt" "lit" "Lithuanian" "lituanien",
    "lv" "lav" "Latvian" "letton",
    "ms" "msa" "Malay" "malais",
    "nl" "nld" "Dutch" "néerlandais",
    "no" "nor" "Norwegian" "norvégien",
    "pl" "pol" "Polish" "polonais",
    "ps" "pus" "Pashto" "pachto",
    "pt" "por" "Portuguese" "portugais",
    "ro" "ron" "Romanian" "roumain",
    "ru" "rus" "Russian" "russe",
    "sk" "slk" "Slovak" "slovaque",
    "sl" "slv" "Slovenian" "slovène",
    "so" "som" "Somali" "somali",
    "sq" "sqi" "Albanian" "albanais",
    "sr" "srp" "Serbian" "serbe",
    "sv" "swe" "Swedish" "suédois",
    "sw" "swa" "Swahili" "swahili",
    "ta" "tam" "Tamil" "tamoul",
    "th" "tha" "Thai" "thaï",
    "tr" "tur" "Turkish" "turc",
    "uk" "ukr" "Ukrainian" "ukrainien",
    "ur" "urd" "Urdu" "ourdou",
    "uz" "uzb" "Uzbek" "ouzbek",
    "vi" "vie" "Vietnamese" "vietnamien",
    "wo" "wol" "Wolof" "wolof",
    "zh" "zho" "Chinese" "chinois",
];

/// Languages written right to left when no script says otherwise.
const RIGHT_TO_LEFT: [&str; 13] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// Scripts written right to left.
const RIGHT_TO_LEFT_SCRIPTS: [&str; 8] = [
    "Adlm", "Arab", "Hebr", "Mand", "Nkoo", "Rohg", "Syrc", "Thaa",
];

/// Why a text is not a language tag, with what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagError {
    /// What is wrong.
    pub message: String,
    /// What to write.
    pub hint: String,
}

impl LanguageTag {
    /// Reads a tag, in any case (`PT-br` → `pt-BR`).
    ///
    /// # Errors
    /// A text that is not of the form of a tag, with a hint: the code of a language
    /// written by its name (`German` → `de`), `-` for `_`, or examples.
    pub fn parse(text: &str) -> Result<Self, TagError> {
        let text = text.trim();
        if let Some(tag) = canonical(text) {
            return Ok(Self(tag.into()));
        }
        let message = format!("`{text}` is not a language code");
        let examples = "write the language's BCP 47 code: `de`, `ru`, `ar`, `pt-BR`, `zh-Hant`…";
        let hint = if let Some(known) = by_name(text) {
            format!("write its code: `{}`", known.code)
        } else if let Some(tag) = canonical(&text.replace('_', "-")) {
            format!("write `{tag}`, with `-` between the parts")
        } else {
            examples.to_string()
        };
        Err(TagError { message, hint })
    }

    /// The tag, in its canonical case.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language (`pt` of `pt-BR`).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or_default()
    }

    /// The script subtag, when given (`Hant` of `zh-Hant`).
    fn script(&self) -> Option<&str> {
        self.0
            .split('-')
            .skip(1)
            .find(|part| part.len() == 4 && is_alpha(part))
    }

    /// Whether the text is written right to left (`ar`, `he`, `fa`, `ur`…, or a
    /// right-to-left script such as `az-Arab`).
    pub fn is_right_to_left(&self) -> bool {
        match self.script() {
            Some(script) => RIGHT_TO_LEFT_SCRIPTS.contains(&script),
            None => RIGHT_TO_LEFT.contains(&self.primary()),
        }
    }

    /// Whether the text is in the interface language `language` (any region).
    pub fn is(&self, language: Language) -> bool {
        self.primary() == language.word()
    }

    /// The language's name in `language` (`allemand`, `German`) for the common ones,
    /// with the tag when it says more (`portugais (pt-BR)`); else the tag itself.
    pub fn name(&self, language: Language) -> String {
        let Some(known) = KNOWN.iter().find(|k| k.code == self.primary()) else {
            return self.0.to_string();
        };
        let name = match language {
            Language::Fr => known.fr,
            Language::En => known.en,
        };
        if self.0.len() == known.code.len() {
            name.to_string()
        } else {
            format!("{name} ({})", self.0)
        }
    }

    /// The ISO 639-3 code of the primary language, for the common ones and any tag
    /// whose primary language has three letters already.
    pub fn iso639_3(&self) -> Option<&str> {
        let primary = self.primary();
        KNOWN
            .iter()
            .find(|k| k.code == primary)
            .map(|k| k.iso3)
            .or((primary.len() == 3).then_some(primary))
    }
}

impl From<Language> for LanguageTag {
    fn from(language: Language) -> Self {
        Self(language.word().into())
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for LanguageTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

fn is_alpha(part: &str) -> bool {
    part.bytes().all(|b| b.is_ascii_alphabetic())
}

/// `text` as a tag in canonical case, when it has the form of one: primary language
/// (2–3 letters), then in this order an optional script (4 letters), an optional region
/// (2 letters or 3 digits), and variants (5–8 letters or digits, or a digit and three).
fn canonical(text: &str) -> Option<String> {
    if text.is_empty() || text.len() > 35 {
        return None;
    }
    let mut parts = text.split('-');
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !is_alpha(primary) {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    // 0: script allowed next, 1: region, 2: variants only.
    let mut stage = 0;
    for part in parts {
        let alnum = part.bytes().all(|b| b.is_ascii_alphanumeric());
        let digits = part.bytes().all(|b| b.is_ascii_digit());
        out.push('-');
        if stage == 0 && part.len() == 4 && is_alpha(part) {
            out.push_str(&part[..1].to_ascii_uppercase());
            out.push_str(&part[1..].to_ascii_lowercase());
            stage = 1;
        } else if stage <= 1 && ((part.len() == 2 && is_alpha(part)) || (part.len() == 3 && digits))
        {
            out.push_str(&part.to_ascii_uppercase());
            stage = 2;
        } else if alnum
            && ((5..=8).contains(&part.len())
                || (part.len() == 4 && part.as_bytes()[0].is_ascii_digit()))
        {
            out.push_str(&part.to_ascii_lowercase());
            stage = 2;
        } else {
            return None;
        }
    }
    Some(out)
}

/// The common language named `text` in English or French, in any case.
fn by_name(text: &str) -> Option<&'static Known> {
    let text = text.to_lowercase();
    KNOWN
        .iter()
        .find(|k| k.en.to_lowercase() == text || k.fr == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> String {
        LanguageTag::parse(text).map_or_else(|e| format!("error: {}", e.hint), |t| t.to_string())
    }

    #[test]
    fn tags_are_read_in_their_canonical_case() {
        assert_eq!(tag("de"), "de");
        assert_eq!(tag("PT-br"), "pt-BR");
        assert_eq!(tag("zh-hant"), "zh-Hant");
        assert_eq!(tag("es-419"), "es-419");
        assert_eq!(tag("sr-Latn-RS"), "sr-Latn-RS");
        assert_eq!(tag("de-CH-1901"), "de-CH-1901");
    }

    #[test]
    fn what_is_not_a_tag_gets_a_hint() {
        assert_eq!(tag("German"), "error: write its code: `de`");
        assert_eq!(tag("allemand"), "error: write its code: `de`");
        assert_eq!(
            tag("pt_BR"),
            "error: write `pt-BR`, with `-` between the parts"
        );
        assert!(tag("x").starts_with("error: write the language's BCP 47 code"));
        assert!(tag("de--CH").starts_with("error:"));
        assert!(tag("en-US-Latn").starts_with("error:"));
        assert!(tag("12").starts_with("error:"));
    }

    #[test]
    fn names_direction_and_codes() {
        let parse = |t: &str| LanguageTag::parse(t).expect("a tag");
        assert_eq!(parse("de").name(Language::Fr), "allemand");
        assert_eq!(parse("de").name(Language::En), "German");
        assert_eq!(parse("pt-BR").name(Language::Fr), "portugais (pt-BR)");
        assert_eq!(parse("tzm").name(Language::En), "tzm");
        assert!(parse("ar").is_right_to_left());
        assert!(parse("az-Arab").is_right_to_left());
        assert!(!parse("ru").is_right_to_left());
        assert!(!parse("ur-Latn").is_right_to_left());
        assert_eq!(parse("ru").iso639_3(), Some("rus"));
        assert_eq!(parse("tzm").iso639_3(), Some("tzm"));
        assert_eq!(parse("xx").iso639_3(), None);
        assert!(parse("fr-CA").is(Language::Fr));
    }
}
