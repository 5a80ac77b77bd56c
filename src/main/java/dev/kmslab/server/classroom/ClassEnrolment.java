package dev.kmslab.server.classroom;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.policy.AttachedPolicy;
import dev.kmslab.io.OwnerOnlyFiles;
import dev.kmslab.server.auth.AccessKeyStore;
import dev.kmslab.server.auth.Credential;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Enrols a class: for each student on the roster an IAM user in the lab's account (kept if it exists), the chosen
 * policy template attached inline (replacing another template attached earlier), an access key (the student's
 * existing one is reused, so enrolling the same roster again hands out the same keys), and a handout file in the
 * handouts folder. With TLS the certificate is copied there too as {@value Handout#CA_FILE}.
 *
 * <p>Handouts hold secrets, so they are written owner-only (mode 600) and the folder is created mode 700: the
 * instructor hands each file to its student.
 */
public final class ClassEnrolment {

    /** Where handouts point students: the endpoint, and the certificate when it is HTTPS. */
    public record Target(URI endpoint, String region, Optional<Path> certificate, Optional<String> fingerprint,
                         Optional<String> caBundleForStudents) {

        public Target {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            certificate = certificate == null ? Optional.empty() : certificate;
            fingerprint = fingerprint == null ? Optional.empty() : fingerprint;
            caBundleForStudents = caBundleForStudents == null ? Optional.empty() : caBundleForStudents;
        }
    }

    /** One enrolled student. */
    public record Enrolled(Roster.Student student, String principalArn, boolean newUser, boolean newKey,
                           StudentPolicy policy, Path handoutFile, Handout handout) {
    }

    /** The enrolled class. */
    public record Result(List<Enrolled> students, Path handoutsFolder) {

        public Result {
            students = List.copyOf(students);
        }

        /** Lines for the console: a summary, then one line per student (never a secret). */
        public List<String> report() {
            List<String> lines = new ArrayList<>();
            long newUsers = students.stream().filter(Enrolled::newUser).count();
            lines.add("  class: " + students.size() + " students (" + newUsers + " new IAM users), handouts in "
                    + handoutsFolder);
            for (Enrolled e : students) {
                lines.add("    " + e.principalArn() + " · " + e.policy().templateName() + " · access key "
                        + e.handout().key().accessKeyId() + (e.newKey() ? " (new)" : "") + " -> "
                        + e.handoutFile().getFileName());
            }
            return lines;
        }
    }

    private ClassEnrolment() {
    }

    /**
     * Enrols every student on {@code roster}.
     *
     * @param defaultPolicy the template for students whose roster line names none
     * @throws IllegalArgumentException when a student cannot be created (the message names the roster line)
     */
    public static Result enrol(KmsEngine engine, AccessKeyStore keys, Roster roster, StudentPolicy defaultPolicy,
                               Path handoutsFolder, Target target) throws IOException {
        Path folder = handoutsFolder.toAbsolutePath();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + ": the handouts folder is a file");
        }
        OwnerOnlyFiles.secureDirectory(folder);
        Optional<String> caBundle = Optional.empty();
        if (target.certificate().isPresent()) {
            Path copy = folder.resolve(Handout.CA_FILE);
            OwnerOnlyFiles.write(copy, Files.readAllBytes(target.certificate().get()));
            caBundle = Optional.of(target.caBundleForStudents().orElse(copy.toString()));
        }
        String account = engine.account();
        List<Enrolled> enrolled = new ArrayList<>();
        for (Roster.Student student : roster.students()) {
            String where = roster.file() + ":" + student.line() + ": ";
            String arn = "arn:aws:iam::" + account + ":user/" + student.name();
            boolean newUser;
            try {
                engine.principals().createUser(account, student.name());
                newUser = true;
            } catch (AlreadyExistsException e) {
                newUser = false;
            } catch (KmsException e) {
                throw new IllegalArgumentException(where + "cannot create IAM user '" + student.name() + "': "
                        + e.getMessage(), e);
            }
            StudentPolicy policy = student.policy().orElse(defaultPolicy);
            applyPolicy(engine, account, student.name(), policy, where);
            Optional<Credential> existing = keys.issuedKeys().stream()
                    .filter(k -> k.principalArn().equals(arn)).findFirst();
            Credential key = existing.isPresent() ? existing.get() : keys.issueAccessKey(arn);
            Handout handout = new Handout(student.name(), arn, key, target.endpoint(), target.region(), caBundle,
                    target.fingerprint(), policy);
            Path file = folder.resolve(handout.fileName());
            OwnerOnlyFiles.write(file, handout.render().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            enrolled.add(new Enrolled(student, arn, newUser, existing.isEmpty(), policy, file, handout));
        }
        return new Result(enrolled, folder);
    }

    // Exactly one template applies: the chosen one is attached, any other kmslab-* template is detached.
    private static void applyPolicy(KmsEngine engine, String account, String user, StudentPolicy policy,
                                    String where) {
        String arn = "arn:aws:iam::" + account + ":user/" + user;
        for (AttachedPolicy attached : engine.principals().policiesOf(arn)) {
            boolean template = java.util.Arrays.stream(StudentPolicy.values())
                    .anyMatch(p -> p.policyName().equals(attached.name()));
            if (template && !attached.name().equals(policy.policyName())) {
                engine.principals().detachUserPolicy(account, user, attached.name());
            }
        }
        if (policy.json().isPresent()) {
            try {
                engine.principals().attachUserPolicy(account, user, policy.policyName(), policy.json().get());
            } catch (KmsException e) {
                throw new IllegalArgumentException(where + "cannot attach " + policy.policyName() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
