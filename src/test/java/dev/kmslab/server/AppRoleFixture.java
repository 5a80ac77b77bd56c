package dev.kmslab.server;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The endpoint with {@code role/App} in the lab (no IAM policies of its own) and two SDK clients: the account root,
 * which administers, and the role, which can only do what a key policy or a grant lets it do. Shared by the SDK
 * tests of key policies, grants and DryRun as a static {@code @RegisterExtension} field: started before the class's
 * tests, closed after them.
 */
final class AppRoleFixture implements BeforeAllCallback, AfterAllCallback {

    static final String ACCOUNT = "111122223333";

    ServerFixture server;
    KmsClient root;
    KmsClient app;

    /**
     * A key policy with two statements: the account root may do anything ({@code Sid} Admin), {@code role/App} may only
     * Encrypt ({@code Sid} AppEncrypts).
     */
    static String policyLettingAppEncryptOnly() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"Admin\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"AppEncrypts\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ServerFixture.APP_ROLE
                + "\"},\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}]}";
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = new ServerFixture();
        server.engine.principals().createRole(ACCOUNT, "App");
        root = server.sdk(server.root());
        app = server.sdk(server.appRoleKey);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.close();
        root.close();
        server.close();
    }
}
