package dev.kmslab.ui;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;

/**
 * View models hand out read-only properties ({@code ReadOnly*Wrapper.getReadOnlyProperty()}) and take commands, so
 * only the model changes its state. A public method of a view model (a class of the UI whose name ends in
 * {@code Model}) returning a writable property fails this test, unless {@link #TWO_WAY} names it: those are inputs
 * a control edits through a bidirectional binding, each with the reason it is one.
 */
@AnalyzeClasses(packages = "dev.kmslab.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewModelPropertiesTest {

    /** "Class.method" of each two-way bound input, and why it is one. */
    static final Map<String, String> TWO_WAY = Map.ofEntries(
            Map.entry("ClassroomViewModel.policyProperty", "the students' policy template chooser"),
            Map.entry("EndpointViewModel.forClassProperty", "the 'For a class' check box"),
            Map.entry("AuditViewModel.principalProperty", "the audit log's caller filter chooser"),
            Map.entry("WouldItBeAllowedViewModel.checkProperty", "the dry-run operation chooser"),
            Map.entry("SnapshotsViewModel.nameProperty", "the snapshot name field"),
            Map.entry("AsymmetricViewModel.selectedProperty", "the key chooser's value"),
            Map.entry("DataKeyPairModel.specProperty", "the key pair spec chooser"),
            Map.entry("DataKeyPairModel.withPlaintextProperty", "the 'with plaintext private key' check box"),
            Map.entry("DataKeyPairModel.wrappingKeyProperty", "the wrapping key chooser"),
            Map.entry("MacModel.messageProperty", "the message text area"),
            Map.entry("MacModel.encodingProperty", "the tag encoding picker"),
            Map.entry("RsaCryptoModel.algorithmProperty", "the encryption algorithm chooser"),
            Map.entry("RsaCryptoModel.plaintextProperty", "the plaintext text area"),
            Map.entry("SignVerifyModel.algorithmProperty", "the signing algorithm chooser"),
            Map.entry("SignVerifyModel.messageProperty", "the message text area"),
            Map.entry("SignVerifyModel.messageTypeProperty", "the RAW / DIGEST toggle"),
            Map.entry("SignVerifyModel.encodingProperty", "the signature encoding picker"),
            Map.entry("AuditViewModel.operationProperty", "the operation filter chooser"),
            Map.entry("AuditViewModel.keyFilterProperty", "the key filter field"),
            Map.entry("AuditViewModel.errorsOnlyProperty", "the 'errors only' check box"),
            Map.entry("AuditViewModel.hideReadsProperty", "the 'hide List/Describe/Get' check box"),
            Map.entry("ImportWizardModel.keyIdProperty", "the key chooser"),
            Map.entry("ImportWizardModel.algorithmProperty", "the wrapping algorithm chooser"),
            Map.entry("ImportWizardModel.wrappingSpecProperty", "the wrapping key spec chooser"),
            Map.entry("ImportWizardModel.materialHexProperty", "the key material field (the learner may paste their own)"),
            Map.entry("ImportWizardModel.expirationModelProperty", "the expiration model chooser"),
            Map.entry("KeysViewModel.searchProperty", "the key search field"),
            Map.entry("KeysViewModel.stateFilterProperty", "the key state filter chooser"),
            Map.entry("CustomKeyStoresViewModel.nameProperty", "the store name field"),
            Map.entry("CustomKeyStoresViewModel.moduleLibraryProperty", "the PKCS#11 module path field"),
            Map.entry("CustomKeyStoresViewModel.slotKindProperty", "the slot kind chooser"),
            Map.entry("CustomKeyStoresViewModel.slotValueProperty", "the slot label / id / index field"),
            Map.entry("CustomKeyStoresViewModel.pinProperty", "the PIN field (cleared by the model after Create)"),
            Map.entry("PlaygroundViewModel.keyIdProperty", "the key chooser"),
            Map.entry("PlaygroundViewModel.plaintextProperty", "the plaintext text area"),
            Map.entry("PlaygroundViewModel.reEncryptTargetProperty", "the ReEncrypt destination key chooser"),
            Map.entry("PolicyEditorViewModel.textProperty", "the policy JSON editor"),
            Map.entry("PolicyEditorViewModel.bypassLockoutCheckProperty", "the BypassPolicyLockoutSafetyCheck check box"),
            Map.entry("PrincipalsViewModel.accountProperty", "the account field"),
            Map.entry("PrincipalsViewModel.kindProperty", "the principal kind chooser"),
            Map.entry("PrincipalsViewModel.nameProperty", "the principal name field"),
            Map.entry("PrincipalsViewModel.attachToProperty", "the 'attach policy to' chooser"),
            Map.entry("PrincipalsViewModel.policyNameProperty", "the IAM policy name field"),
            Map.entry("PrincipalsViewModel.policyJsonProperty", "the IAM policy JSON editor"),
            Map.entry("SimulatorViewModel.actionProperty", "the action chooser"),
            Map.entry("SimulatorViewModel.contextProperty", "the encryption context field"),
            Map.entry("SimulatorViewModel.viaServiceProperty", "the kms:ViaService field"),
            Map.entry("LabsViewModel.trackFilterProperty", "the exam track chooser"),
            Map.entry("ServiceMapViewModel.trackFilterProperty", "the exam track chooser"),
            Map.entry("SearchViewModel.queryProperty", "the search field"),
            Map.entry("ShellViewModel.darkProperty", "the dark theme toggle"));

    static final DescribedPredicate<JavaMethod> ALLOWED = new DescribedPredicate<>("a listed two-way input") {
        @Override
        public boolean test(JavaMethod method) {
            return TWO_WAY.containsKey(method.getOwner().getSimpleName() + "." + method.getName());
        }
    };

    @ArchTest
    static final ArchRule viewModelsExposeReadOnlyProperties = methods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Model")
            .and().haveModifier(JavaModifier.PUBLIC)
            .and(DescribedPredicate.not(ALLOWED))
            .should().notHaveRawReturnType(assignableTo(javafx.beans.property.Property.class));

    /**
     * A read-only property handed out as the writable one it is ({@code return field;} upcast to
     * {@code ReadOnlyStringProperty}) can be cast back and written; {@code getReadOnlyProperty()} cannot.
     */
    @ArchTest
    static final ArchRule readOnlyPropertiesAreNotUpcasts = methods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Model")
            .and().haveModifier(JavaModifier.PUBLIC)
            .and().haveRawReturnType(assignableTo(javafx.beans.property.ReadOnlyProperty.class))
            .and().doNotHaveRawReturnType(assignableTo(javafx.beans.property.Property.class))
            .should(new ArchCondition<JavaMethod>("hand out getReadOnlyProperty(), not a writable field") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean readsWritableField = method.getFieldAccesses().stream()
                            .anyMatch(a -> a.getTarget().getRawType().isAssignableTo(
                                    javafx.beans.property.Property.class));
                    boolean wrapsIt = method.getMethodCallsFromSelf().stream()
                            .anyMatch(c -> c.getName().equals("getReadOnlyProperty"));
                    if (readsWritableField && !wrapsIt) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " returns a writable property field as read-only"));
                    }
                }
            });
}
