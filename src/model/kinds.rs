//! The closed sets of words the format accepts.

/// A closed set of words that a field accepts (`kind`, `confidence`…).
pub trait Choice: Sized + Copy + 'static {
    /// Every accepted word with its value.
    const ALL: &'static [(&'static str, Self)];
}

macro_rules! choice_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl Choice for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($word, Self::$variant)),+];
        }

        impl $name {
            /// The word as written in the content.
            pub fn word(self) -> &'static str {
                match self {
                    $(Self::$variant => $word),+
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.word())
            }
        }
    };
}

choice_enum! {
    /// Language of the interface labels and dates.
    Language {
        /// French.
        Fr = "fr",
        /// English.
        En = "en",
    }
}

#[allow(clippy::derivable_impls)] // the enum is declared by a macro
impl Default for Language {
    fn default() -> Self {
        Self::En
    }
}

choice_enum! {
    /// What kind of document a source is.
    SourceKind {
        /// A news article.
        Article = "article",
        /// A report.
        Report = "report",
        /// An official statement.
        Statement = "statement",
        /// A post on a social network.
        SocialPost = "social-post",
        /// A transcript.
        Transcript = "transcript",
        /// Anything else.
        Other = "other",
    }
}

choice_enum! {
    /// What kind of thing an actor is.
    ActorKind {
        /// A person.
        Person = "person",
        /// An organization.
        Organization = "organization",
        /// A state.
        State = "state",
        /// A group.
        Group = "group",
        /// A media outlet.
        Media = "media",
        /// A place.
        Place = "place",
        /// Anything else.
        Other = "other",
    }
}

choice_enum! {
    /// Confidence in a key judgment.
    Confidence {
        /// Low confidence.
        Low = "low",
        /// Moderate confidence.
        Moderate = "moderate",
        /// High confidence.
        High = "high",
    }
}

choice_enum! {
    /// Admiralty scale: reliability of the source.
    Reliability {
        /// Completely reliable.
        A = "A",
        /// Usually reliable.
        B = "B",
        /// Fairly reliable.
        C = "C",
        /// Not usually reliable.
        D = "D",
        /// Unreliable.
        E = "E",
        /// Reliability cannot be judged.
        F = "F",
    }
}

choice_enum! {
    /// Admiralty scale: credibility of the information.
    Credibility {
        /// Confirmed by other sources.
        Confirmed = "1",
        /// Probably true.
        Probable = "2",
        /// Possibly true.
        Possible = "3",
        /// Doubtful.
        Doubtful = "4",
        /// Improbable.
        Improbable = "5",
        /// Truth cannot be judged.
        Unknown = "6",
    }
}

impl ActorKind {
    /// Every kind, in the order the roster shows them.
    pub const ORDER: [Self; 7] = [
        Self::Person,
        Self::Organization,
        Self::State,
        Self::Group,
        Self::Media,
        Self::Place,
        Self::Other,
    ];
}
