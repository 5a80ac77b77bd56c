package dev.kmslab.engine.policy;

import static dev.kmslab.engine.policy.Fixtures.A;
import static dev.kmslab.engine.policy.Fixtures.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.NotFoundException;
import org.junit.jupiter.api.Test;

class PrincipalDirectoryTest {

    private static final String DECRYPT_ANY = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
            + " \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}}";

    @Test
    void createListFind_usersAndRolesPerAccount() {
        PrincipalDirectory dir = new PrincipalDirectory();
        IamUser alice = dir.createUser(A, "alice");
        IamRole app = dir.createRole(A, "AppRole");
        dir.createUser(B, "bob");

        assertThat(dir.accounts()).containsExactly(A, B);
        assertThat(dir.users(A)).containsExactly(alice);
        assertThat(dir.roles(A)).containsExactly(app);
        assertThat(dir.findUser(B, "bob")).contains(new IamUser(B, "bob"));
        assertThat(dir.findRole(B, "AppRole")).isEmpty();
        assertThatThrownBy(() -> dir.createUser(A, "alice")).isInstanceOf(AlreadyExistsException.class)
                .hasMessage("User arn:aws:iam::111122223333:user/alice already exists");
        assertThatThrownBy(() -> dir.users("999999999999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void resolve_knowsOnlyExistingPrincipals() {
        PrincipalDirectory dir = new PrincipalDirectory();
        dir.createRole(A, "AppRole");

        assertThat(dir.resolve("arn:aws:sts::111122223333:assumed-role/AppRole/s1"))
                .contains(new IamRole(A, "AppRole").session("s1"));
        assertThat(dir.resolve("arn:aws:iam::111122223333:root")).contains(new AccountRoot(A));
        assertThat(dir.resolve("arn:aws:iam::111122223333:user/ghost")).isEmpty();
        assertThat(dir.resolve("arn:aws:sts::111122223333:assumed-role/Ghost/s1")).isEmpty();
        assertThat(dir.resolve("arn:aws:iam::444455556666:root")).isEmpty();
        assertThat(dir.resolve("s3.amazonaws.com")).contains(new ServicePrincipal("s3.amazonaws.com"));
    }

    @Test
    void identityPolicies_attachToUsersAndRoles_sessionsInheritRoles() {
        PrincipalDirectory dir = new PrincipalDirectory();
        IamRole app = dir.createRole(A, "AppRole");
        dir.attachPolicy(app, "Decrypt", DECRYPT_ANY);

        assertThat(dir.identityPolicies(app.session("s"))).extracting(AttachedPolicy::name).containsExactly("Decrypt");
        assertThat(dir.identityPolicies(new AccountRoot(A))).isEmpty();
        dir.detachPolicy(app, "Decrypt");
        assertThat(dir.identityPolicies(app)).isEmpty();
        assertThatThrownBy(() -> dir.attachPolicy(app, "Bad", "{\"Statement\": {\"Effect\": \"Allow\","
                + " \"Principal\": \"*\", \"Action\": \"kms:*\", \"Resource\": \"*\"}}"))
                .isInstanceOf(PolicyValidationException.class);
        assertThatThrownBy(() -> dir.attachPolicy(new IamUser(A, "ghost"), "P", DECRYPT_ANY))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void json_roundTrip_keepsEverything() throws Exception {
        PrincipalDirectory dir = new PrincipalDirectory();
        dir.addAccount(B);
        IamUser alice = dir.createUser(A, "alice");
        dir.createRole(A, "AppRole");
        dir.attachPolicy(alice, "Decrypt", DECRYPT_ANY);

        ObjectMapper mapper = new ObjectMapper();
        String text = mapper.writeValueAsString(dir.toJson());
        PrincipalDirectory back = PrincipalDirectory.fromJson(mapper.readTree(text));

        assertThat(back.accounts()).containsExactly(B, A);
        assertThat(back.users(A)).containsExactly(alice);
        assertThat(back.roles(A)).containsExactly(new IamRole(A, "AppRole"));
        assertThat(back.identityPolicies(alice).get(0).document().source()).isEqualTo(DECRYPT_ANY);
        assertThat(mapper.writeValueAsString(back.toJson())).isEqualTo(text);
    }

    @Test
    void fromJson_rejectsDamagedTrees() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode noAccounts = mapper.createObjectNode();
        ObjectNode badPolicy = mapper.createObjectNode();
        badPolicy.putArray("accounts").addObject().put("accountId", A).putArray("users").addObject()
                .put("name", "alice").put("path", "/").putArray("policies").addObject()
                .put("name", "P").put("document", "{not json");

        assertThatThrownBy(() -> PrincipalDirectory.fromJson(noAccounts))
                .hasMessage("principal directory: \"accounts\" array missing");
        assertThatThrownBy(() -> PrincipalDirectory.fromJson(badPolicy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("principal directory: stored policy P of arn:aws:iam::111122223333:user/alice");
    }
}
