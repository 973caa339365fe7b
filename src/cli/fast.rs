//! The full-screen starts read without clap: `hotseat`, `hotseat meeting` and
//! `hotseat me [--member ID]`, each with `--data-dir DIR` anywhere. clap builds its command
//! tree before it parses: even with every command's options deferred ([`super::lazy`]) that
//! is a quarter of a millisecond before the first frame, most of it reading clap's code
//! from disk for the first time. Every other command line, and every other spelling of
//! these, goes to clap, which also gives every error, help and version text; a test holds
//! the two to the same result for every command line read here.

use std::ffi::OsString;
use std::path::PathBuf;

use super::{Cli, Command, Lazy, MeArgs, MeetingArgs};

/// The command line, when it is one of the few read here; `None` sends it to clap.
pub fn common(args: &[OsString]) -> Option<Cli> {
    let mut data_dir: Option<PathBuf> = None;
    let mut command: Option<&str> = None;
    let mut member: Option<String> = None;
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let arg = arg.to_str()?;
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value)),
            _ => (arg, None),
        };
        match flag {
            "--data-dir" => {
                if data_dir.replace(PathBuf::from(value(inline, &mut rest)?)).is_some() {
                    return None;
                }
            }
            "--member" if command == Some("me") => {
                if member.replace(value(inline, &mut rest)?.to_string()).is_some() {
                    return None;
                }
            }
            "meeting" | "me" if command.is_none() && inline.is_none() => command = Some(flag),
            _ => return None,
        }
    }
    let command = match command {
        None => None,
        Some("meeting") => Some(Command::Meeting(Lazy(MeetingArgs {
            reopen: false,
            new: false,
            discard: false,
            take_over: false,
            yes: false,
        }))),
        Some(_) => Some(Command::Me(Lazy(MeArgs { member }))),
    };
    Some(Cli { data_dir, command })
}

/// An option's value, written after `=` or as the next word: plain words only.
fn value<'a>(inline: Option<&'a str>, rest: &mut impl Iterator<Item = &'a OsString>) -> Option<&'a str> {
    let v = match inline {
        Some(v) => v,
        None => rest.next()?.to_str()?,
    };
    (!v.is_empty() && !v.starts_with('-')).then_some(v)
}

#[cfg(test)]
mod tests {
    use clap::Parser;
    use proptest::prelude::*;

    use super::*;

    fn line(words: &[&str]) -> Vec<OsString> {
        std::iter::once("hotseat").chain(words.iter().copied()).map(OsString::from).collect()
    }

    /// What clap makes of the same line, when it accepts it.
    fn clap(args: &[OsString]) -> Option<String> {
        Cli::try_parse_from(args).ok().map(|c| format!("{c:?}"))
    }

    #[test]
    fn the_full_screen_starts_are_read_here_as_clap_reads_them() {
        for words in [
            &[][..],
            &["meeting"],
            &["me"],
            &["me", "--member", "ada"],
            &["me", "--member=ada"],
            &["--data-dir", "g"],
            &["--data-dir=g", "meeting"],
            &["meeting", "--data-dir", "g"],
            &["--data-dir", "g", "me", "--member", "ada"],
            &["me", "--member", "ada", "--data-dir", "a b/c=d"],
        ] {
            let args = line(words);
            let fast = common(&args).map(|c| format!("{c:?}"));
            assert!(fast.is_some(), "{words:?} is read here");
            assert_eq!(fast, clap(&args), "{words:?}");
        }
    }

    #[test]
    fn everything_else_goes_to_clap() {
        for words in [
            &["--help"][..],
            &["-h"],
            &["--version"],
            &["meeting", "--new"],
            &["me", "--member"],
            &["me", "--member", "-x"],
            &["me", "--member", "ada", "--member", "bob"],
            &["--member", "ada", "me"],
            &["meeting", "--member", "ada"],
            &["--data-dir"],
            &["--data-dir="],
            &["--data-dir", "a", "--data-dir", "b"],
            &["meeting", "me"],
            &["actions"],
            &["--", "meeting"],
            &["meeting=1"],
        ] {
            assert!(common(&line(words)).is_none(), "{words:?} goes to clap");
        }
    }

    const WORDS: [&str; 14] = [
        "meeting",
        "me",
        "--data-dir",
        "--data-dir=g",
        "--member",
        "--member=ada",
        "ada",
        "g",
        "-x",
        "--new",
        "--help",
        "--",
        "x=y",
        "",
    ];

    proptest! {
        #[test]
        fn whatever_is_read_here_clap_reads_the_same(picks in proptest::collection::vec(0..WORDS.len(), 0..6)) {
            let words: Vec<&str> = picks.iter().map(|&i| WORDS[i]).collect();
            let args = line(&words);
            if let Some(fast) = common(&args) {
                prop_assert_eq!(Some(format!("{fast:?}")), clap(&args), "{:?}", words);
            }
        }
    }
}
