package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A self-signed certificate and key for the servers' TLS, made once with the JDK's keytool.
 * Without one, MariaDB 11.4 generates an RSA key at every start, which costs seconds of CPU on a
 * small machine; and its own client insists on TLS by default.
 */
public record TlsFiles(Path certificate, Path key) {

    static synchronized TlsFiles ensure(Path dir, ServerAccount account) {
        TlsFiles files = new TlsFiles(dir.resolve("server-cert.pem"), dir.resolve("server-key.pem"));
        if (Files.exists(files.certificate()) && Files.exists(files.key())) {
            return files;
        }
        Path temp = dir.resolveSibling("." + dir.getFileName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(temp);
            Path store = temp.resolve("server.p12");
            char[] password = ServerHome.newSecret().toCharArray();
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Processes.run(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", "CN=kumo-database", "-validity", "3650", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", new String(password)), Duration.ofSeconds(60));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password);
            }
            Certificate cert = ks.getCertificate("server");
            PrivateKey key = (PrivateKey) ks.getKey("server", password);
            Files.writeString(temp.resolve("server-cert.pem"), pem("CERTIFICATE", cert.getEncoded()));
            Files.writeString(temp.resolve("server-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            Files.delete(store);
            FileTrees.openForOthers(temp);
            account.own(temp);
            FileTrees.deleteQuietly(dir);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new EngineException("cannot make the servers' TLS certificate in " + dir + ": " + e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(temp);
        }
        return files;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
