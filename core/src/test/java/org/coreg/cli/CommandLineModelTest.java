package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lazily built command line: only the named subcommand, yet every name and the full help stay right. */
class CommandLineModelTest {
    @Test
    void eachSubcommandIsRegisteredUnderItsOwnAnnotatedName() {
        Map<String, Supplier<Object>> all = CoregCommand.subcommands();
        assertThat(all).hasSize(12);
        all.forEach((name, make) ->
                assertThat(make.get().getClass().getAnnotation(Command.class).name()).isEqualTo(name));
    }

    @Test
    void namingASubcommandBuildsOnlyThatOne() {
        CommandLine cl = CoregCommand.newCommandLine(new String[] {"register", "--help"});
        assertThat(cl.getSubcommands().keySet()).containsExactly("register");
        assertThat(CoregCommand.newCommandLine(new String[] {"--help"}).getSubcommands().keySet())
                .containsExactlyElementsOf(CoregCommand.subcommands().keySet());
    }

    @Test
    void topLevelHelpListsEverySubcommandAndAMistypedNameIsRefusedPlainly() {
        CliRun help = CliRun.run("--help");
        assertThat(help.status()).isZero();
        CoregCommand.subcommands().keySet().forEach(name -> assertThat(help.out()).contains(name));
        CliRun typo = CliRun.run("registr", "--fixed", "a.nii");
        assertThat(typo.status()).isNotZero();
        assertThat(typo.err()).contains("registr").contains("register");
    }

    @Test
    void theNamedSubcommandKeepsThePlainErrorHandler() {
        CliRun r = CliRun.run("info", "/nonexistent/dir/none.nii");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("none.nii").doesNotContain("Exception in thread").doesNotContain("\tat ");
    }
}
