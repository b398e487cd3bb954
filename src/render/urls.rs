//! Addresses: every link is built here, so that a sub-path (`base_url` with a path) and opening the site from
//! disk (`--relative-links`) work everywhere.

use crate::model::lang::Lang;
use crate::model::site::BaseUrl;

/// How links are written.
#[derive(Clone, Debug)]
pub struct Urls {
    base: BaseUrl,
    relative: bool,
}

impl Urls {
    /// `relative`: links relative to the page, ending in `index.html`, so the site works from `file://`.
    pub fn new(base: BaseUrl, relative: bool) -> Urls {
        Urls { base, relative }
    }

    /// Whether links are relative.
    pub fn is_relative(&self) -> bool {
        self.relative
    }

    /// What links from the page at site path `from` depend on: nothing with absolute links, the page's
    /// depth with relative ones (see [`Origin`]).
    pub fn origin(&self, from: &str) -> Origin {
        Origin(self.relative.then(|| from.matches('/').count()))
    }

    /// The link from the page at site path `from` (e.g. `ja/cases/kobe/`, or a file `ja/feed.xml`) to site
    /// path `to` (e.g. `ja/cases/`, `static/style.css`, `ja/cases/kobe/#概要`).
    pub fn href(&self, from: &str, to: &str) -> String {
        let (path, fragment) = match to.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (to, None),
        };
        let mut out = self.href_from(self.origin(from), path);
        if let Some(f) = fragment {
            if self.relative && path == from && out.ends_with("index.html") {
                // An anchor on the page itself.
                out.clear();
            }
            out.push('#');
            out.push_str(f);
        }
        out
    }

    /// The link to site path `to` (without a `#fragment`) from any page at `origin`: the same for every such
    /// page, so links shared by many pages are made once per origin.
    pub fn href_from(&self, origin: Origin, to: &str) -> String {
        match origin.0 {
            Some(depth) => {
                let mut s = "../".repeat(depth);
                s.push_str(to);
                if to.is_empty() || to.ends_with('/') {
                    s.push_str("index.html");
                }
                s
            }
            None => {
                let mut s = String::with_capacity(self.base.path.len() + to.len());
                s.push_str(&self.base.path);
                s.push_str(to);
                s
            }
        }
    }

    /// The link to the folder `to` (ending in `/`) from any page at `origin`, to put file names after: with
    /// relative links without the `index.html` that [`Urls::href_from`] adds.
    pub fn dir_from(&self, origin: Origin, to: &str) -> String {
        let mut s = self.href_from(origin, to);
        if self.relative && to.ends_with('/') {
            s.truncate(s.len() - "index.html".len());
        }
        s
    }

    /// The absolute URL of a site path, for canonical links, hreflang, sitemaps, feeds and OpenGraph.
    pub fn absolute(&self, to: &str) -> String {
        self.base.absolute(to)
    }

    /// The base path (`/reports/2025/`).
    pub fn base_path(&self) -> &str {
        &self.base.path
    }
}

/// What a link without a fragment depends on of the page it is written on: with absolute links nothing
/// (`Origin(None)`), with relative links the page's depth (`Some(3)` for `ja/cases/kobe/`). Links that many
/// pages show (navigation, case cards) are the same for every page of one origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin(Option<usize>);

/// The site path of a page in a language: `ja/` for the cover, `ja/cases/kobe/` for a case.
pub fn page_path(lang: Lang, page_id: &str) -> String {
    if page_id.is_empty() {
        [lang.code(), "/"].concat()
    } else {
        [lang.code(), "/", page_id, "/"].concat()
    }
}

/// The prefix of every id of a page's section on the whole-report page (`cases-kobe-`, `cover-`), so that
/// the ids of all documents can share one page.
pub fn doc_prefix(page_id: &str) -> String {
    if page_id.is_empty() {
        "cover-".to_string()
    } else {
        let mut prefix = page_id.replace('/', "-");
        prefix.push('-');
        prefix
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> BaseUrl {
        BaseUrl {
            origin: "https://example.org".into(),
            path: "/reports/2025/".into(),
        }
    }

    #[test]
    fn absolute_paths_stay_under_the_base() {
        let u = Urls::new(base(), false);
        assert_eq!(
            u.href("ja/cases/kobe/", "ja/cases/"),
            "/reports/2025/ja/cases/"
        );
        assert_eq!(
            u.href("ja/", "static/style.css"),
            "/reports/2025/static/style.css"
        );
        assert_eq!(
            u.href("ja/", "ja/cases/kobe/#概要"),
            "/reports/2025/ja/cases/kobe/#概要"
        );
        assert_eq!(
            u.absolute("en/cases/kobe/"),
            "https://example.org/reports/2025/en/cases/kobe/"
        );
    }

    #[test]
    fn relative_links_work_from_disk() {
        let u = Urls::new(base(), true);
        assert_eq!(
            u.href("ja/cases/kobe/", "ja/cases/"),
            "../../../ja/cases/index.html"
        );
        assert_eq!(u.href("", "ja/"), "ja/index.html");
        assert_eq!(u.href("ja/", "static/style.css"), "../static/style.css");
        assert_eq!(u.href("ja/cases/kobe/", "ja/cases/kobe/#概要"), "#概要");
        assert_eq!(
            u.href("ja/", "ja/cases/kobe/#a"),
            "../ja/cases/kobe/index.html#a"
        );
    }

    #[test]
    fn links_from_one_origin_are_the_same_for_every_page_there() {
        for relative in [false, true] {
            let u = Urls::new(base(), relative);
            for (a, b) in [
                ("ja/cases/kobe/", "ja/regions/hyogo/"),
                ("ja/about/", "en/cases/"),
            ] {
                assert_eq!(u.origin(a), u.origin(b));
                for to in ["ja/", "ja/cases/", "static/style.css", ""] {
                    assert_eq!(u.href(a, to), u.href(b, to));
                    assert_eq!(u.href(a, to), u.href_from(u.origin(a), to));
                }
            }
            assert_eq!(u.origin("ja/") == u.origin("ja/cases/kobe/"), !relative);
        }
    }

    #[test]
    fn folders_to_put_file_names_after() {
        let relative = Urls::new(base(), true);
        assert_eq!(
            relative.dir_from(relative.origin("ja/cases/kobe/"), "static/"),
            "../../../static/"
        );
        let absolute = Urls::new(base(), false);
        assert_eq!(
            absolute.dir_from(absolute.origin("ja/"), "static/"),
            "/reports/2025/static/"
        );
    }

    #[test]
    fn page_paths() {
        assert_eq!(page_path(Lang::Ja, ""), "ja/");
        assert_eq!(page_path(Lang::En, "cases/kobe"), "en/cases/kobe/");
    }
}
