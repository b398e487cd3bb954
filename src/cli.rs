//! The command line: one struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// hakusho builds bilingual (Japanese/English) white-paper style report sites from Markdown and YAML.
#[derive(Debug, Parser)]
#[command(name = "hakusho", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages: ja or en (default: HAKUSHO_LANG, else the locale: LC_ALL, LC_MESSAGES or
    /// LANG starting with ja gives Japanese). Messages not yet translated are shown in English.
    #[arg(long, global = true, value_name = "LANG", value_parser = ["ja", "en"])]
    pub lang: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site from content/ into output/ (the previous output is replaced only if the build succeeds).
    Build(BuildArgs),
    /// List every problem an editor can fix (schema, untranslated or outdated pages, broken links and
    /// anchors, references that name nothing, table data, unused charts, tables, sources and glossary
    /// terms, key figures typed by hand, drafts, missing alt text); exit 1 if any.
    Check(CheckArgs),
    /// Build into memory and serve on 127.0.0.1, rebuilding what each edit affects and reloading the
    /// browser; a build error shows over the last good site; a translation workbench (statuses, findings,
    /// both languages side by side, what changed since a translation) at /_hakusho/. Never writes output/.
    Serve(ServeArgs),
    /// Create new content from a template.
    #[command(subcommand)]
    New(NewCommand),
    /// Record that a page's translation now follows the current version of its source: sets
    /// `translated_from: <lang>@<version>` in the translation's front matter.
    Translated(TranslatedArgs),
}

/// `hakusho translated`.
#[derive(Debug, Args)]
pub struct TranslatedArgs {
    /// The page's folder below content/ (e.g. cases/kobe), or the translation's file
    /// (content/cases/kobe/index.en.md). Without a file, the translation is the file that already has
    /// `translated_from`, else the one not in the site's default language.
    pub page: String,
    /// The content folder (holding site.yaml).
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
}

/// What `hakusho new` creates.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A case folder content/cases/<SLUG>/ with index.ja.md, index.en.md and a commented data.yaml.
    Case(NewCaseArgs),
    /// A chapter folder content/chapters/<SLUG>/ with index.ja.md and index.en.md, added to `chapters:` in
    /// site.yaml (at the end, or after another chapter).
    Chapter(NewChapterArgs),
    /// Any other page, content/<PATH>/ (e.g. methodology, or about/team), with index.ja.md and index.en.md.
    Page(NewPageArgs),
}

/// `hakusho new chapter`.
#[derive(Debug, Args)]
pub struct NewChapterArgs {
    /// The chapter's folder name: lowercase letters, digits and - (e.g. regions).
    pub slug: String,
    /// Put it after this chapter in site.yaml's `chapters:` (default: at the end).
    #[arg(long, value_name = "CHAPTER")]
    pub after: Option<String>,
    /// The content folder (holding site.yaml).
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
}

/// `hakusho new page`.
#[derive(Debug, Args)]
pub struct NewPageArgs {
    /// The page's folder below content/, e.g. methodology or about/team.
    pub path: String,
    /// The content folder (holding site.yaml).
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
}

/// `hakusho new case`.
#[derive(Debug, Args)]
pub struct NewCaseArgs {
    /// The case's folder name: lowercase letters, digits and - (e.g. sendai).
    pub slug: String,
    /// The case's chapter (default: the first chapter of site.yaml, marked TODO to check).
    #[arg(long, value_name = "CHAPTER")]
    pub chapter: Option<String>,
    /// The content folder (holding site.yaml).
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
}

/// `hakusho serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The content folder (holding site.yaml).
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, short, default_value_t = 1111)]
    pub port: u16,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
}

/// `hakusho check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Grouped by file, numbered, for people.
    Text,
    /// The same findings as JSON, for machines.
    Json,
}

/// Options shared by every command that reads a site.
#[derive(Debug, Args, Clone)]
pub struct SiteArgs {
    /// The content folder (holding site.yaml).
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// Publish address, overriding base_url in site.yaml (e.g. https://example.org/reports/2025/).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Write links relative to each page, so the site also works opened straight from disk (file://).
    #[arg(long)]
    pub relative_links: bool,
    /// Leave the PDF editions out (as `pdf: false` in site.yaml), e.g. for a quicker draft.
    #[arg(long)]
    pub no_pdf: bool,
    /// Include the pages and translations marked `draft: true` (left out otherwise; `serve` shows them).
    #[arg(long)]
    pub drafts: bool,
}

/// `hakusho build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The folder to write the site to.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,
    /// Replace the output folder even if hakusho did not create it.
    #[arg(long)]
    pub force: bool,
    /// Exit with an error if there are warnings (untranslated pages, unused charts, …); the output folder
    /// is then left as it was.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Print how long each step of the build took (on stderr).
    #[arg(long)]
    pub timings: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
