//! Corroboration: how many distinct and independent sources each claim rests on.

/// The sources a claim (an event, a key judgment, a relation) cites.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Support {
    /// Distinct sources cited.
    pub sources: u32,
    /// Independent ones: distinct after following `derived_from` to the originals,
    /// sources of the same outlet counting once.
    pub independent: u32,
}

impl Support {
    /// Whether the claim rests on a single independent source (and cites one at least).
    pub fn single(self) -> bool {
        self.independent == 1
    }
}

/// The support of every claim of the dossier, computed once while validating.
#[derive(Debug, Clone, Default)]
pub struct Corroboration {
    /// By key judgment, in order.
    pub judgments: Vec<Support>,
    /// By event, in the order of [`crate::model::Dossier::events`].
    pub events: Vec<Support>,
    /// By actor, then by relation in the actor's order.
    pub relations: Vec<Vec<Support>>,
}

impl Corroboration {
    /// One line for the end of `check`: "4 of 16 events and 2 of 5 judgments rest on a
    /// single independent source" (relations too, when there are any), then how many
    /// claims cite no source, if any.
    pub fn summary(&self) -> String {
        let count = |list: &mut dyn Iterator<Item = &Support>| {
            list.fold((0, 0), |(single, all), s| {
                (single + usize::from(s.single()), all + 1)
            })
        };
        let mut parts = Vec::new();
        let mut last_all = 0;
        for ((single, all), one, many) in [
            (count(&mut self.events.iter()), "event", "events"),
            (count(&mut self.judgments.iter()), "judgment", "judgments"),
            (
                count(&mut self.relations.iter().flatten()),
                "relation",
                "relations",
            ),
        ] {
            if all > 0 {
                let noun = if all == 1 { one } else { many };
                parts.push(format!("{single} of {all} {noun}"));
                last_all = all;
            }
        }
        let verb = if parts.len() == 1 && last_all == 1 {
            "rests"
        } else {
            "rest"
        };
        let single = match parts.split_last() {
            None => return "no event, judgment or relation cites a source".to_string(),
            Some((only, [])) => format!("{only} {verb} on a single independent source"),
            Some((last, rest)) => format!(
                "{} and {last} {verb} on a single independent source",
                rest.join(", ")
            ),
        };
        match self.unsourced() {
            Some(none) => format!("{single}; {none}"),
            None => single,
        }
    }

    /// "1 event and 2 relations cite no source", when a claim cites none.
    fn unsourced(&self) -> Option<String> {
        let none =
            |list: &mut dyn Iterator<Item = &Support>| list.filter(|s| s.sources == 0).count();
        let counts = [
            (none(&mut self.events.iter()), "event", "events"),
            (none(&mut self.judgments.iter()), "judgment", "judgments"),
            (
                none(&mut self.relations.iter().flatten()),
                "relation",
                "relations",
            ),
        ];
        let total: usize = counts.iter().map(|(count, _, _)| count).sum();
        let verb = if total == 1 { "cites" } else { "cite" };
        let parts: Vec<String> = counts
            .into_iter()
            .filter(|(count, _, _)| *count > 0)
            .map(|(count, one, many)| format!("{count} {}", if count == 1 { one } else { many }))
            .collect();
        match parts.split_last() {
            None => None,
            Some((only, [])) => Some(format!("{only} {verb} no source")),
            Some((last, rest)) => Some(format!("{} and {last} {verb} no source", rest.join(", "))),
        }
    }

    /// The support of key judgment `index`.
    pub fn judgment(&self, index: usize) -> Support {
        self.judgments.get(index).copied().unwrap_or_default()
    }

    /// The support of event `index`.
    pub fn event(&self, index: usize) -> Support {
        self.events.get(index).copied().unwrap_or_default()
    }

    /// The support of relation `index` of actor `actor`.
    pub fn relation(&self, actor: usize, index: usize) -> Support {
        self.relations
            .get(actor)
            .and_then(|r| r.get(index))
            .copied()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_single_sources() {
        let one = Support {
            sources: 2,
            independent: 1,
        };
        let two = Support {
            sources: 2,
            independent: 2,
        };
        let support = Corroboration {
            judgments: vec![one, two],
            events: vec![one, one, two],
            relations: vec![vec![], vec![two]],
        };
        assert_eq!(
            support.summary(),
            "2 of 3 events, 1 of 2 judgments and 0 of 1 relation rest on a single \
             independent source"
        );
        let support = Corroboration {
            events: vec![one],
            ..Corroboration::default()
        };
        assert_eq!(
            support.summary(),
            "1 of 1 event rests on a single independent source"
        );
    }
}
