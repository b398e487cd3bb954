//! Values many pages show (UI strings, the header per language and chapter, case cards, related cases) are
//! made once before rendering and shared. Sharing only saves work: the bundled report rendered with every
//! value made again wherever it is shown is the same, byte for byte, in both link modes.

use std::collections::BTreeMap;

use hakusho::output::Memory;
use hakusho::pipeline::{self, Scope, SiteOptions};
use hakusho::progress::Silent;
use hakusho::render::Shared;

use crate::harness::SiteTest;

fn render(prepared: &pipeline::Prepared) -> BTreeMap<String, Vec<u8>> {
    let sink = Memory::new();
    pipeline::render(prepared, &sink, &Scope::all(), &[], &Silent)
        .unwrap_or_else(|e| panic!("{e:?}"));
    sink.into_files()
}

#[test]
fn sharing_values_between_pages_changes_no_byte() {
    let site = SiteTest::bundled();
    for relative_links in [false, true] {
        let opts = SiteOptions {
            content: site.dir.join("content"),
            base_url: None,
            relative_links,
            no_pdf: false,
            drafts: false,
        };
        let mut prepared = pipeline::prepare(&opts).expect("the bundled report builds");
        let shared = render(&prepared);
        prepared.shared = Shared::unshared();
        let unshared = render(&prepared);
        assert_eq!(
            shared.keys().collect::<Vec<_>>(),
            unshared.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &shared {
            assert!(
                unshared[path] == *bytes,
                "{path} differs with relative_links = {relative_links}"
            );
        }
    }
}
