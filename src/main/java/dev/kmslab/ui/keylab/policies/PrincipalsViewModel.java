package dev.kmslab.ui.keylab.policies;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.LabPrincipals;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import dev.kmslab.ui.keylab.common.LabError;
import dev.kmslab.ui.keylab.actas.PrincipalChoice;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The principals panel: create IAM users and roles in the lab's directory (in this or another account) and attach an
 * identity policy to one. These are lab operations on the simulated IAM, not KMS calls, so they are not audited and
 * do not depend on who the lab acts as. Every change refreshes the choosers of all screens.
 */
public final class PrincipalsViewModel {

    public static final String SAMPLE_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Action": ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"],
                "Resource": "*"
              }]
            }""";

    private final KeyLabSession session;
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty kind = new SimpleStringProperty("role");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<PrincipalChoice> attachTo = new SimpleObjectProperty<>();
    private final StringProperty policyName = new SimpleStringProperty("LabPolicy");
    private final StringProperty policyJson = new SimpleStringProperty(SAMPLE_POLICY);
    private final javafx.beans.property.ReadOnlyStringWrapper status = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<LabError> error = new javafx.beans.property.ReadOnlyObjectWrapper<>();

    public PrincipalsViewModel(KeyLabSession session) {
        this.session = session;
        if (session.engine() != null) {
            account.set(session.engine().account());
        }
        session.engineProperty().addListener((obs, was, now) -> {
            if (now != null && account.get().isEmpty()) {
                account.set(now.account());
            }
        });
    }

    /** Creates a user or role named {@link #nameProperty()} in {@link #accountProperty()}. */
    public void create() {
        String acct = account.get().trim();
        String n = name.get().trim();
        boolean role = "role".equals(kind.get());
        change(engine -> {
            LabPrincipals dir = engine.principals();
            return role ? dir.createRole(acct, n).arn() : dir.createUser(acct, n).arn();
        }, arn -> {
            name.set("");
            return "Created " + arn + ". It has no permissions until a policy gives it some.";
        });
    }

    /** Attaches (or replaces) the identity policy on the chosen user or role. */
    public void attach() {
        PrincipalChoice target = attachTo.get();
        if (target == null || "root".equals(target.kind())) {
            error.set(new LabError("ValidationException", "Choose a user or role to attach the policy to.",
                    "Identity policies attach to users and roles; an account root is governed by key policies."));
            return;
        }
        String simpleName = target.arn().substring(target.arn().lastIndexOf('/') + 1);
        String pName = policyName.get().trim();
        String json = policyJson.get();
        change(engine -> {
            LabPrincipals dir = engine.principals();
            if ("role".equals(target.kind())) {
                dir.attachRolePolicy(target.account(), simpleName, pName, json);
            } else {
                dir.attachUserPolicy(target.account(), simpleName, pName, json);
            }
            return target.arn();
        }, arn -> "Attached the IAM policy \"" + pName + "\" to " + arn + ".");
    }

    /**
     * Makes the JSON text the chosen role's trust policy (who may assume it with sts:AssumeRole), as IAM's
     * UpdateAssumeRolePolicy does. Only roles have one.
     */
    public void setTrustPolicy() {
        PrincipalChoice target = attachTo.get();
        if (target == null || !"role".equals(target.kind())) {
            error.set(new LabError("ValidationException", "Choose a role: only roles have a trust policy.",
                    "A trust policy says who may assume a role; users and account roots are not assumed."));
            return;
        }
        String simpleName = target.arn().substring(target.arn().lastIndexOf('/') + 1);
        String json = policyJson.get();
        change(engine -> {
            engine.principals().setTrustPolicy(target.account(), simpleName, json);
            return target.arn();
        }, arn -> "Set the trust policy of " + arn + ": it decides who may assume the role.");
    }

    /** Shows the chosen role's trust policy in the JSON text, to read or edit. */
    public void showTrustPolicy() {
        PrincipalChoice target = attachTo.get();
        if (target == null || !"role".equals(target.kind())) {
            error.set(new LabError("ValidationException", "Choose a role: only roles have a trust policy.",
                    "A trust policy says who may assume a role; users and account roots are not assumed."));
            return;
        }
        String simpleName = target.arn().substring(target.arn().lastIndexOf('/') + 1);
        session.call(engine -> engine.principals().trustPolicy(target.account(), simpleName), text -> {
            error.set(null);
            policyJson.set(text);
            status.set("The trust policy of " + target.arn() + ".");
        }, e -> error.set(e));
    }

    private void change(Function<KmsEngine, String> op, Function<String, String> message) {
        session.call(op, result -> {
            error.set(null);
            status.set(message.apply(result));
            session.changed();
        }, e -> {
            status.set("");
            error.set(e);
        });
    }

    public StringProperty accountProperty() {
        return account;
    }

    /** "role" or "user". */
    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<PrincipalChoice> attachToProperty() {
        return attachTo;
    }

    public StringProperty policyNameProperty() {
        return policyName;
    }

    public StringProperty policyJsonProperty() {
        return policyJson;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
