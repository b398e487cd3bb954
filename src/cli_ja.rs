//! The command line in Japanese: `--help` of every command and the usage errors clap reports, for an editor
//! whose language is Japanese (`--lang ja`, `HAKUSHO_LANG=ja` or a `ja` locale). The English comes from the
//! doc comments of `cli.rs`; the Japanese is here, one text per command and option, and a test holds the two
//! lists to each other so that no option is added without its Japanese.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The name of the subcommand that shows help (`hakusho help new`, `hakusho new help case`).
pub const HELP: &str = "help";

/// The language asked for on the command line (`--lang ja`, `--lang=ja`), before clap reads it.
pub fn lang_in_args(args: &[String]) -> Option<&str> {
    args.iter().enumerate().find_map(|(i, a)| {
        if a == "--lang" {
            args.get(i + 1).map(String::as_str)
        } else {
            a.strip_prefix("--lang=")
        }
    })
}

/// The Japanese of a command (`""` for hakusho itself, `new case` for a subcommand's) or of one of its
/// arguments (`build --force`); `None` if there is none.
fn japanese(path: &str) -> Option<&'static str> {
    Some(match path {
        "" => "日本語と英語の白書形式の報告書サイトを、Markdown と YAML から作ります。",
        "build" => {
            "content/ からサイトを output/ に作ります（前の出力は、作成に成功したときだけ置き換えます）。"
        }
        "check" => {
            "編集者が直せる問題（書き方、未翻訳や古い翻訳、切れたリンクやアンカー、何も指さない参照、表のデータ、置かれていない図・表、使われていない出典や用語、手で書いた主要数値、下書き、代替テキストのない画像）をすべて挙げます。一つでもあれば終了コード 1 で終わります。"
        }
        "serve" => {
            "メモリの中にサイトを作り 127.0.0.1 で表示します。編集のたびに影響する部分だけを作り直してブラウザーを再読み込みし、作成に失敗したら最後に成功したサイトの上にエラーを表示します。翻訳ワークベンチ（翻訳の状況、問題の一覧、両言語の並列表示、翻訳後の原文の変更点）は /_hakusho/ にあります。output/ には書きません。"
        }
        "new" => "ひな形から新しいコンテンツを作ります。",
        "new case" => {
            "事例のフォルダー content/cases/<SLUG>/ を、index.ja.md、index.en.md とコメント付きの data.yaml とともに作ります。"
        }
        "new chapter" => {
            "章のフォルダー content/chapters/<SLUG>/ を index.ja.md と index.en.md とともに作り、site.yaml の `chapters:` に加えます（最後か、指定した章の後）。"
        }
        "new page" => {
            "そのほかのページ content/<PATH>/（methodology、about/team など）を index.ja.md と index.en.md とともに作ります。"
        }
        "translated" => {
            "ページの翻訳が原文の現在の版に合ったことを記録します。翻訳のフロントマターに `translated_from: <言語>@<版>` を書きます。"
        }
        "help" => "このヘルプか、指定したコマンドのヘルプを表示します。",
        "--lang" => {
            "メッセージの言語：ja か en（指定しなければ HAKUSHO_LANG、それもなければロケール：LC_ALL、LC_MESSAGES、LANG が ja で始まれば日本語）"
        }
        "--help" => "ヘルプを表示します",
        "--version" => "バージョンを表示します",
        "--content" => "content フォルダー（site.yaml のあるフォルダー）",
        "--base-url" => {
            "公開するアドレス。site.yaml の base_url の代わりに使います（例：https://example.org/reports/2025/）"
        }
        "--relative-links" => {
            "リンクを各ページからの相対で書き、ディスクから直接開いても（file://）動くようにします"
        }
        "--no-pdf" => {
            "PDF 版を作りません（site.yaml の `pdf: false` と同じ。下書きを早く確かめるときなど）"
        }
        "--drafts" => {
            "`draft: true` のページと翻訳も含めます（ふだんは除きます。`serve` では表示します）"
        }
        "build --output" => "サイトを書き出すフォルダー",
        "build --force" => "hakusho が作ったものでなくても、出力フォルダーを置き換えます",
        "build --deny-warnings" => {
            "警告（未翻訳のページ、置かれていない図など）があればエラーで終わります。そのとき出力フォルダーは変えません"
        }
        "build --timings" => "作成の各段階にかかった時間を表示します（標準エラー出力に）",
        "check --format" => {
            "問題の表示のしかた：text（ファイルごと、番号付きで人向け）か json（同じ内容を機械向けに）"
        }
        "serve --port" => "127.0.0.1 のポート（0 なら空いているポートを選びます）",
        "serve --open" => "既定のブラウザーでサイトを開きます",
        "new case <SLUG>" => "事例のフォルダー名：半角の小文字、数字、-（例：sendai）",
        "new case --chapter" => {
            "事例の章（指定しなければ site.yaml の最初の章。確かめるよう TODO を付けます）"
        }
        "new chapter <SLUG>" => "章のフォルダー名：半角の小文字、数字、-（例：regions）",
        "new chapter --after" => {
            "site.yaml の `chapters:` でこの章の後に置きます（指定しなければ最後）"
        }
        "new page <PATH>" => "content/ の下のページのフォルダー（例：methodology、about/team）",
        "translated <PAGE>" => {
            "content/ の下のページのフォルダー（例：cases/kobe）か、翻訳のファイル（content/cases/kobe/index.en.md）。ファイルを指定しなければ、すでに `translated_from` のあるファイル、なければサイトの既定の言語でない方のファイルを翻訳とします"
        }
        _ => return None,
    })
}

/// The key of an argument of the command at `path` in [`japanese`]: `<NAME>` for a positional one; an option
/// shared by many commands (`--content`) by its name alone, unless the command has its own text for it.
fn arg_key(path: &str, arg: &Arg) -> String {
    let name = match arg.get_long() {
        Some(long) => format!("--{long}"),
        None => format!(
            "<{}>",
            arg.get_value_names()
                .and_then(|v| v.first())
                .map(|v| v.to_string())
                .unwrap_or_else(|| arg.get_id().as_str().to_uppercase())
        ),
    };
    let own = if path.is_empty() {
        name.clone()
    } else {
        format!("{path} {name}")
    };
    if japanese(&own).is_some() { own } else { name }
}

/// `cmd` (hakusho, or a subcommand at `path`) with its help in Japanese.
pub fn localize(cmd: Command) -> Command {
    localize_at(cmd, "")
}

fn localize_at(mut cmd: Command, path: &str) -> Command {
    cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(path.is_empty())
                .help_heading("オプション")
                .help(japanese("--help").unwrap_or_default()),
        )
        .help_template("{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("コマンド")
        .subcommand_value_name("コマンド");
    if let Some(about) = japanese(path) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading("オプション")
                .help(japanese("--version").unwrap_or_default()),
        );
    }
    if cmd.has_subcommands() {
        cmd = cmd.disable_help_subcommand(true).subcommand(
            Command::new(HELP)
                .about(japanese("help").unwrap_or_default())
                .arg(Arg::new("command").num_args(0..).action(ArgAction::Append)),
        );
    }
    let ids: Vec<(String, String)> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .filter(|a| !a.is_global_set() || path.is_empty())
        .map(|a| (a.get_id().to_string(), arg_key(path, a)))
        .collect();
    for (id, key) in ids {
        let help = japanese(&key).unwrap_or_default();
        cmd = cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                "引数"
            } else {
                "オプション"
            };
            // clap writes "[default: …]" and "[possible values: …]" in English: say them in the text
            // (the texts of options with a few values already name them).
            let mut text = help.to_string();
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && !matches!(a.get_action(), ArgAction::SetTrue) {
                text.push_str(&format!("（既定：{}）", defaults.join("、")));
            }
            let takes_values = a.get_action().takes_values();
            a.help(text)
                .long_help(None::<&str>)
                .help_heading(heading)
                .hide_default_value(takes_values)
                .hide_possible_values(takes_values)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|name| name != HELP)
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name, |s| localize_at(s, &sub_path));
    }
    cmd
}

/// clap's usage error in Japanese (what was wrong, and how to see the usage), or `None` to keep clap's own.
pub fn usage_error(err: &clap::Error) -> Option<String> {
    let context = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        _ => None,
    };
    let what = match err.kind() {
        ErrorKind::UnknownArgument => format!(
            "`{}` というオプションはありません",
            context(ContextKind::InvalidArg)?
        ),
        ErrorKind::InvalidSubcommand => format!(
            "`{}` というコマンドはありません",
            context(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue => {
            let arg = context(ContextKind::InvalidArg)?;
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            match context(ContextKind::ValidValue) {
                _ if value.is_empty() => format!("{arg} の値を書いてください"),
                Some(valid) => format!("{arg} に `{value}` は使えません（使える値：{valid}）"),
                None => format!("{arg} に `{value}` は使えません"),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            format!("{} を指定してください", context(ContextKind::InvalidArg)?)
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "コマンドを指定してください（build、check、serve、new、translated）".to_string()
        }
        ErrorKind::ValueValidation => format!(
            "{} の値 `{}` が正しくありません",
            context(ContextKind::InvalidArg)?,
            context(ContextKind::InvalidValue)?
        ),
        _ => return None,
    };
    Some(format!(
        "エラー: {what}\n  ヒント: 使い方は `hakusho --help`（コマンドごとには `hakusho <コマンド> --help`）で見られます\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and option has its Japanese: an option added to cli.rs without it fails here.
    #[test]
    fn every_command_and_option_has_japanese() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            if japanese(path).is_none() && !path.ends_with(HELP) {
                missing.push(format!("the command `{path}`"));
            }
            for arg in cmd.get_arguments() {
                if matches!(arg.get_id().as_str(), "help" | "version") {
                    continue;
                }
                let key = arg_key(path, arg);
                if japanese(&key).is_none() {
                    missing.push(key);
                }
            }
            for sub in cmd.get_subcommands() {
                let sub_path = if path.is_empty() {
                    sub.get_name().to_string()
                } else {
                    format!("{path} {}", sub.get_name())
                };
                walk(sub, &sub_path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&crate::cli::Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no Japanese for: {missing:?}");
    }

    #[test]
    fn help_is_in_japanese() {
        let mut cmd = localize(crate::cli::Cli::command());
        let help = cmd.render_help().to_string();
        assert!(help.contains("使い方: hakusho"), "{help}");
        assert!(
            help.contains("コマンド:") && help.contains("オプション:"),
            "{help}"
        );
        assert!(help.contains("ヘルプを表示します"), "{help}");
        let build = cmd
            .find_subcommand_mut("build")
            .unwrap()
            .render_help()
            .to_string();
        assert!(build.contains("サイトを書き出すフォルダー"), "{build}");
        assert!(!build.contains("The folder to write"), "{build}");
    }

    #[test]
    fn usage_errors_in_japanese() {
        let cmd = localize(crate::cli::Cli::command());
        let err = cmd
            .clone()
            .try_get_matches_from(["hakusho", "biuld"])
            .unwrap_err();
        assert_eq!(
            usage_error(&err).unwrap().lines().next(),
            Some("エラー: `biuld` というコマンドはありません")
        );
        let err = cmd
            .try_get_matches_from(["hakusho", "build", "--fast"])
            .unwrap_err();
        assert_eq!(
            usage_error(&err).unwrap().lines().next(),
            Some("エラー: `--fast` というオプションはありません")
        );
        assert_eq!(
            lang_in_args(&["hakusho".into(), "--lang=ja".into()]),
            Some("ja")
        );
    }
}
