package dev.kmslab.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.testfx.util.WaitForAsyncUtils;

/**
 * UI tests wait for a condition, never for a time: {@link AppDriver#until} and {@link AppDriver#waitFor} evaluate
 * the condition on the FX thread (JavaFX state read from the test thread may be half-updated) and then let the
 * pending FX events run. A fixed sleep is either too short on a loaded machine or wastes time on a fast one.
 */
@AnalyzeClasses(packages = "dev.kmslab.ui", importOptions = ImportOption.OnlyIncludeTests.class)
class UiTestWaitsTest {

    static final DescribedPredicate<JavaMethodCall> RAW_WAIT = new DescribedPredicate<>(
            "Thread.sleep, WaitForAsyncUtils.sleep or WaitForAsyncUtils.waitFor (use AppDriver.until)") {
        @Override
        public boolean test(JavaMethodCall call) {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            return owner.equals(Thread.class.getName()) && name.equals("sleep")
                    || owner.equals(WaitForAsyncUtils.class.getName()) && (name.equals("sleep")
                    || name.equals("waitFor"));
        }
    };

    /**
     * Only the driver itself polls. The opt-in screenshot test (LabsScreenshotsTest) is exempt: it pauses so the
     * picture shows the finished rendering, which no condition it can read describes, and it never asserts.
     */
    @ArchTest
    static final ArchRule uiTestsWaitOnConditionsOnly = noClasses()
            .that().doNotHaveFullyQualifiedName(AppDriver.class.getName())
            .and().doNotHaveFullyQualifiedName("dev.kmslab.ui.LabsScreenshotsTest")
            .should().callMethodWhere(RAW_WAIT);
}
