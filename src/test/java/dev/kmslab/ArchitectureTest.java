package dev.kmslab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.kmslab.engine.crypto.AsymmetricKeyMaterial;
import dev.kmslab.engine.crypto.HmacKeyMaterial;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture, checked on the compiled classes (so a fully-qualified name counts as much as an import).
 * Dependencies point one way: ui → flow / study / server → engine → io; the app's root package ({@code App},
 * {@code Launcher}) wires everything together. See the README's "Architecture" section for the picture.
 */
@AnalyzeClasses(packages = "dev.kmslab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("App").definedBy("dev.kmslab")
            .layer("UI").definedBy("dev.kmslab.ui..")
            .layer("Flow").definedBy("dev.kmslab.flow..")
            .layer("Study").definedBy("dev.kmslab.study..")
            .layer("Server").definedBy("dev.kmslab.server..")
            .layer("Engine").definedBy("dev.kmslab.engine..")
            .layer("IO").definedBy("dev.kmslab.io..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("UI").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Flow").mayOnlyBeAccessedByLayers("UI", "App")
            .whereLayer("Study").mayOnlyBeAccessedByLayers("UI", "App")
            .whereLayer("Server").mayOnlyBeAccessedByLayers("UI", "App")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Flow", "Study", "Server", "UI", "App")
            .whereLayer("IO").mayOnlyBeAccessedByLayers("Engine", "Flow", "Study", "Server", "UI", "App");

    /** JavaFX stays in the UI (and the launcher that starts it), so everything below runs and tests without it. */
    @ArchTest
    static final ArchRule noJavaFxBelowTheUi = noClasses()
            .that().resideInAnyPackage("dev.kmslab.engine..", "dev.kmslab.flow..", "dev.kmslab.study..",
                    "dev.kmslab.server..", "dev.kmslab.io..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..");

    /**
     * Alerts, file and folder choosers are built by the dialog service only, so view models ask it for them and
     * their tests answer with a scripted service instead of a window.
     */
    @ArchTest
    static final ArchRule dialogsOnlyThroughTheDialogService = noClasses()
            .that().resideOutsideOfPackage("dev.kmslab.ui.common")
            .should().dependOnClassesThat().haveNameMatching(
                    "javafx\\.scene\\.control\\.(Alert|TextInputDialog|ChoiceDialog)(\\$.*)?"
                            + "|javafx\\.stage\\.(FileChooser|DirectoryChooser)(\\$.*)?");

    /**
     * Key material hands its JCA keys (a private key, an HMAC key) only to the crypto code; everything else gets the
     * public key's DER or, to seal the keystore, the encoded bytes.
     */
    @ArchTest
    static final ArchRule jcaKeysOnlyInsideCrypto = noClasses()
            .that().resideOutsideOfPackage("dev.kmslab.engine.crypto..")
            .should().callMethod(AsymmetricKeyMaterial.class, "privateKey")
            .orShould().callMethod(AsymmetricKeyMaterial.class, "publicKey")
            .orShould().callMethod(HmacKeyMaterial.class, "secretKey", String.class);

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("dev.kmslab.(*)..")
            .should().beFreeOfCycles();

    /** Every package is a slice; a cycle between any two (for example server and server.auth) is a violation. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().assignedFrom(new EachPackage())
            .should().beFreeOfCycles();

    /** One slice per package, outside the packages that {@link #NOT_YET_CHECKED} lists. */
    static final class EachPackage implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            for (String prefix : NOT_YET_CHECKED) {
                if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                    return SliceIdentifier.ignore();
                }
            }
            if (name.equals("dev.kmslab.engine")) {
                // The engine's root is its API (the facade and the public types every area takes and returns), so
                // areas below it use it and it uses them; that tangle is ruled out class by class instead
                // (noClassCycleInsideTheEngine, nothingInsideTheEngineReachesBackToTheFacade).
                return SliceIdentifier.ignore();
            }
            return name.startsWith("dev.kmslab") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of dev.kmslab";
        }
    }

    // ---- the engine: a public root, area packages below it ----

    /** The engine's area packages: each uses only the pipeline ({@code core}) and {@code authz}, never another area. */
    static final List<String> AREAS = List.of("keys", "access", "keyuse", "rotation", "imports", "regions",
            "keystores");

    @ArchTest
    static final ArchRule areasNeverReachEachOther = slices().assignedFrom(new EngineAreas())
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule pipelineAndAuthorizationNeverReachAnArea = noClasses()
            .that().resideInAnyPackage("dev.kmslab.engine.core..", "dev.kmslab.engine.authz..")
            .should().dependOnClassesThat().resideInAnyPackage(areaPackages());

    /** The facade (KmsEngine and the classes it hands out) is used from above, never from inside the engine. */
    @ArchTest
    static final ArchRule nothingInsideTheEngineReachesBackToTheFacade = noClasses()
            .that().resideInAnyPackage(internals())
            .should().dependOnClassesThat().haveNameMatching(
                    "dev\\.kmslab\\.engine\\.(KmsEngine|KmsRegions|CustomKeyStoreService|EngineDataKeyProvider|LabPrincipals)(\\$.*)?");

    @ArchTest
    static final ArchRule callersNeverReachEngineInternals = noClasses()
            .that().resideInAnyPackage("dev.kmslab.ui..", "dev.kmslab.flow..", "dev.kmslab.server..",
                    "dev.kmslab.study..")
            .should().dependOnClassesThat().resideInAnyPackage(internals());

    /** The API records and errors are leaves: they name nothing else of the engine, so anyone may use them. */
    @ArchTest
    static final ArchRule modelAndErrorsAreLeaves = noClasses()
            .that().resideInAnyPackage("dev.kmslab.engine.model..", "dev.kmslab.engine.error..")
            .should().dependOnClassesThat(resideInAPackage("dev.kmslab..")
                    .and(not(resideInAnyPackage("dev.kmslab.engine.model..", "dev.kmslab.engine.error.."))));

    /** No two classes of the engine depend on each other, directly or around a loop. */
    @ArchTest
    static final ArchRule noClassCycleInsideTheEngine = slices().assignedFrom(new EachEngineClass())
            .should().beFreeOfCycles();

    static final class EngineAreas implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            for (String area : AREAS) {
                String pkg = "dev.kmslab.engine." + area;
                if (javaClass.getPackageName().equals(pkg) || javaClass.getPackageName().startsWith(pkg + ".")) {
                    return SliceIdentifier.of(area);
                }
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the engine's areas";
        }
    }

    /**
     * One slice per top-level class of the engine (nested classes belong to theirs; the types a sealed interface
     * permits belong to it).
     */
    static final class EachEngineClass implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith("dev.kmslab.engine") || CLASS_CYCLES_NOT_YET_CHECKED.stream()
                    .anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))) {
                return SliceIdentifier.ignore();
            }
            // A sealed interface names its permitted types and they implement it: one unit, so one slice.
            String name = javaClass.getName();
            for (JavaClass type : javaClass.getRawInterfaces()) {
                if (type.getPackageName().equals(pkg) && type.reflect().isSealed()) {
                    name = type.getName();
                }
            }
            int nested = name.indexOf('$');
            return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
            return "each class of the engine";
        }
    }

    private static String[] areaPackages() {
        return AREAS.stream().map(area -> "dev.kmslab.engine." + area + "..").toArray(String[]::new);
    }

    /** The engine's internals: the pipeline, authorization and the areas. */
    private static String[] internals() {
        List<String> out = new ArrayList<>(List.of(areaPackages()));
        out.add("dev.kmslab.engine.core..");
        out.add("dev.kmslab.engine.authz..");
        return out.toArray(new String[0]);
    }

    /**
     * Engine packages whose classes may still form cycles; empty since the principal name rules, the decision's
     * explainer and the fake HSM's devices were untangled, and it stays so.
     */
    static final List<String> CLASS_CYCLES_NOT_YET_CHECKED = List.of();

    /** Packages whose cycles are still being untangled (issue 15); the list only ever shrinks. */
    static final List<String> NOT_YET_CHECKED = List.of();
}
