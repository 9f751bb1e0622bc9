//! The library's top-level modules form a pipeline, not a knot: no module reaches,
//! directly or through others, back into one that uses it. Read from the `crate::`
//! paths of the source files (comments aside).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules that `src/lib.rs` declares.
fn top_level_modules(src: &Path) -> BTreeSet<String> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    lib.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("mod "))?;
            Some(rest.trim_end_matches(';').trim().to_string())
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry"))
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules named after `crate::` in `text`, comments left out.
fn uses(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `dossier_crate::` and the like
            }
            let name: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            used.insert(name);
        }
    }
    used
}

/// Which top-level module uses which.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = top_level_modules(&src);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let mut files = Vec::new();
        let dir = src.join(module);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        } else {
            files.push(src.join(format!("{module}.rs")));
        }
        let edges = graph.entry(module.clone()).or_default();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("source file");
            edges.extend(
                uses(&text)
                    .into_iter()
                    .filter(|used| used != module && modules.contains(used)),
            );
        }
    }
    graph
}

/// The modules reachable from `from`.
fn reachable(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut pending = vec![from.to_string()];
    while let Some(module) = pending.pop() {
        for next in graph.get(&module).into_iter().flatten() {
            if seen.insert(next.clone()) {
                pending.push(next.clone());
            }
        }
    }
    seen
}

#[test]
fn no_top_level_module_reaches_back_into_one_that_uses_it() {
    let graph = graph();
    assert!(graph.len() > 10, "modules found: {:?}", graph.keys());
    let reach: BTreeMap<&String, BTreeSet<String>> =
        graph.keys().map(|m| (m, reachable(&graph, m))).collect();
    let mut cycles = BTreeSet::new();
    for (module, reached) in &reach {
        if !reached.contains(*module) {
            continue;
        }
        // Its cycle: every module that it reaches and that reaches it.
        let cycle: Vec<&str> = reached
            .iter()
            .filter(|other| reach[other].contains(*module))
            .map(String::as_str)
            .collect();
        cycles.insert(cycle.join(" → "));
    }
    assert!(
        cycles.is_empty(),
        "modules that use each other: {cycles:?}\n{graph:#?}"
    );
}

#[test]
fn the_reading_of_uses_sees_paths_and_skips_comments() {
    let text = "use crate::model::{Dossier};\n// crate::render is only named\nlet x = crate::escape::html(y); // crate::write\n";
    assert_eq!(
        uses(text),
        BTreeSet::from(["model".to_string(), "escape".to_string()])
    );
}
