package io.kumo.it.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules of INVARIANTS.md, checked on Kumo's compiled classes. */
class LayeringTest {
    /** Service modules: each owns its package and sees only core and the SDK model classes. */
    static final List<String> SERVICES = List.of("io.kumo.ec2", "io.kumo.sts", "io.kumo.route53", "io.kumo.acm", "io.kumo.elbv2", "io.kumo.rds");
    /** A service's data plane (controllers and what they serve: metadata, proxies), beside its handlers. */
    static final String DATA_PLANES = "io.kumo.*.runtime..";
    private static JavaClasses kumo;

    @BeforeAll
    static void importKumo() {
        kumo = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kumo");
    }

    @Test
    void theImportSeesKumoAndTheRulesCatchAViolation() {
        org.assertj.core.api.Assertions.assertThat(kumo.contain("io.kumo.ec2.Ec2Module")).isTrue();
        org.assertj.core.api.Assertions.assertThat(kumo.contain("io.kumo.edge.route.Dispatcher")).isTrue();
        JavaClasses fixture = new ClassFileImporter().importClasses(io.kumo.ec2.archfixture.HandWrittenJson.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jsonRule().check(fixture)).isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> crossServiceRule("io.kumo.ec2").check(fixture)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aServiceDoesNotReachIntoAnotherService() {
        for (String service : SERVICES) {
            crossServiceRule(service).check(kumo);
        }
    }

    private static ArchRule crossServiceRule(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services meet through contracts in io.kumo.core, never through each other's internals or tables");
    }

    @Test
    void servicesSeeNeitherTheWireNorTheStorageEngine() {
        ArchRule rule = noClasses().that().resideInAnyPackage(packages(SERVICES)).and().resideOutsideOfPackage(DATA_PLANES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.kumo.edge..", "io.kumo.protocols..", "io.kumo.store..", "io.kumo.auth..", "io.kumo.server..",
                        "io.netty..", "io.kumo.fabric..")
                .because("business logic is a plain function over typed values and the Store interface");
        rule.check(kumo);
    }

    @Test
    void dataPlanesSeeTheHostOnlyThroughTheFabric() {
        noClasses().that().resideInAPackage(DATA_PLANES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.kumo.edge..", "io.kumo.protocols..", "io.kumo.store..", "io.kumo.auth..", "io.kumo.server..")
                .check(kumo);
        noClasses().that().resideInAPackage("io.kumo.fabric..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(
                        List.of("io.kumo.core..", "io.kumo.edge..", "io.kumo.protocols..", "io.kumo.store..", "io.kumo.auth..", "io.kumo.server.."),
                        packages(SERVICES)))
                .because("the fabric is the one place that touches Linux, and knows nothing of AWS")
                .check(kumo);
    }

    @Test
    void servicesNeverBuildXmlOrJsonThemselves() {
        jsonRule().check(kumo);
    }

    private static ArchRule jsonRule() {
        return noClasses().that().resideInAnyPackage(packages(SERVICES))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.fasterxml.jackson..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..",
                        "software.amazon.awssdk.protocols..", "software.amazon.awssdk.thirdparty.jackson..")
                .because("the protocol layer encodes every response from the service model");
    }

    @Test
    void coreDependsOnNothingOfKumo() {
        noClasses().that().resideInAPackage("io.kumo.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.kumo.edge..", "io.kumo.protocols..", "io.kumo.store..", "io.kumo.auth..", "io.kumo.server..",
                        "io.kumo.ec2..", "io.kumo.sts..", "io.kumo.route53..", "io.kumo.acm..", "io.kumo.elbv2..", "io.kumo.rds..")
                .check(kumo);
    }

    @Test
    void lowerLayersDoNotKnowUpperOnes() {
        noClasses().that().resideInAnyPackage("io.kumo.protocols..", "io.kumo.auth..", "io.kumo.store..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(List.of("io.kumo.edge..", "io.kumo.server.."), packages(SERVICES)))
                .check(kumo);
        noClasses().that().resideInAnyPackage("io.kumo.protocols..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kumo.store..", "io.kumo.auth..")
                .check(kumo);
        noClasses().that().resideInAnyPackage("io.kumo.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kumo.protocols..", "io.kumo.auth..", "software.amazon.awssdk..")
                .check(kumo);
    }

    @Test
    void onlyTheEdgeSpeaksHttp() {
        noClasses().that().resideOutsideOfPackages("io.kumo.edge..", DATA_PLANES)
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
                .check(kumo);
    }

    private static String[] packages(List<String> roots) {
        return roots.stream().map(s -> s + "..").toArray(String[]::new);
    }

    private static String[] concat(List<String> a, String[] b) {
        String[] out = new String[a.size() + b.length];
        for (int i = 0; i < a.size(); i++) {
            out[i] = a.get(i);
        }
        System.arraycopy(b, 0, out, a.size(), b.length);
        return out;
    }
}
