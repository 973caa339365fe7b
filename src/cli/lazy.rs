//! A command's options built only when it is the command given. clap builds every
//! subcommand's arguments before it parses; `hotseat meeting` would pay for all twenty
//! commands' options (a third of a millisecond, most of it reading cold code) before its
//! first frame. Wrapped in [`Lazy`], a command's arguments and subcommands are built when
//! clap reaches it (`Command::defer`), and its help, completions and man page are as before.

use clap::{ArgMatches, Args, Command, Error, FromArgMatches, Id, Subcommand};

/// `T`'s arguments (or subcommands), built only when its command is the one given.
#[derive(Debug)]
pub struct Lazy<T>(pub T);

impl<T> std::ops::Deref for Lazy<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, Error> {
        T::from_arg_matches(matches).map(Lazy)
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, Error> {
        T::from_arg_matches_mut(matches).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), Error> {
        self.0.update_from_arg_matches(matches)
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

impl<T: Args> Args for Lazy<T> {
    fn group_id() -> Option<Id> {
        T::group_id()
    }

    fn augment_args(cmd: Command) -> Command {
        cmd.defer(T::augment_args)
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        cmd.defer(T::augment_args_for_update)
    }
}

impl<T: Subcommand> Subcommand for Lazy<T> {
    fn augment_subcommands(cmd: Command) -> Command {
        cmd.defer(T::augment_subcommands)
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        cmd.defer(T::augment_subcommands_for_update)
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use crate::cli::Cli;

    /// Building a lazy command must not change what its help says it is: a doc comment on
    /// the wrapped struct would replace the command's own line.
    #[test]
    fn every_command_keeps_its_own_line_once_built() {
        let before: Vec<(String, String)> = Cli::command()
            .get_subcommands()
            .map(|c| (c.get_name().to_string(), c.get_about().map(|a| a.to_string()).unwrap_or_default()))
            .collect();
        let mut built = Cli::command();
        built.build();
        for (name, about) in before {
            let c = built.find_subcommand(&name).expect("the command is still there");
            assert_eq!(c.get_about().map(|a| a.to_string()).unwrap_or_default(), about, "`hotseat {name}`");
            assert!(!about.is_empty(), "`hotseat {name}` says what it does");
        }
    }

    /// `hotseat meeting` parses as before, and the global folder flag reaches a lazy command.
    #[test]
    fn a_lazy_command_parses_its_options_and_the_global_flag() {
        use clap::Parser;
        let cli = Cli::try_parse_from(["hotseat", "meeting", "--new", "--data-dir", "g"]).expect("parses");
        assert_eq!(cli.data_dir.as_deref(), Some(std::path::Path::new("g")));
        assert!(matches!(cli.command, Some(crate::cli::Command::Meeting(ref m)) if m.new && !m.reopen));
        let wrong = Cli::try_parse_from(["hotseat", "meeting", "--reopen", "--new"]);
        assert!(wrong.is_err(), "the conflicts still hold");
    }
}
