package io.kumo.ec2.network.subnet;

import io.kumo.core.AwsException;
import io.kumo.core.regions.Zone;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;
import io.kumo.ec2.network.NetworkKinds;
import io.kumo.ec2.support.ResourceTags;
import io.kumo.store.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubnetAddressesTest {
    private static final StoreScope SCOPE = new StoreScope("000000000000", "ap-northeast-1");
    private final EmbeddedStore store = EmbeddedStore.inMemory();
    private SubnetRecord subnet;

    @BeforeEach
    void subnet() {
        NetworkKinds.ALL.forEach(kind -> store.register(kind.table()));
        store.register(SubnetAddressUsage.TABLE);
        store.register(ResourceTags.TABLE);
        subnet = store.write(SCOPE, tx -> SubnetSetup.create(tx, "vpc-00000000", "000000000000", "10.0.0.0/28",
                new Zone("ap-northeast-1a", "apne1-az4", "ap-northeast-1"), false, null, Instant.EPOCH));
    }

    private void inTx(Consumer<Tx> work) {
        store.write(SCOPE, tx -> {
            work.accept(tx);
            return null;
        });
    }

    private String code(Runnable call) {
        return catchThrowableOfType(AwsException.class, call::run).code();
    }

    @Test
    void takesTheLowestFreeAddressAfterTheReservedOnes() {
        inTx(tx -> {
            assertThat(SubnetAddresses.allocate(tx, subnet.subnetId(), null)).isEqualTo("10.0.0.4");
            assertThat(SubnetAddresses.allocate(tx, subnet.subnetId(), null)).isEqualTo("10.0.0.5");
            assertThat(SubnetAddresses.availableCount(tx, subnet)).isEqualTo(9);
            SubnetAddresses.release(tx, subnet.subnetId(), "10.0.0.4");
            assertThat(SubnetAddresses.allocate(tx, subnet.subnetId(), null)).isEqualTo("10.0.0.4");
        });
    }

    @Test
    void requestedAddresses() {
        inTx(tx -> {
            assertThat(SubnetAddresses.allocate(tx, subnet.subnetId(), "10.0.0.10")).isEqualTo("10.0.0.10");
            assertThat(code(() -> SubnetAddresses.allocate(tx, subnet.subnetId(), "10.0.0.10"))).isEqualTo("InvalidIPAddress.InUse");
            AwsException outside = catchThrowableOfType(AwsException.class, () -> SubnetAddresses.allocate(tx, subnet.subnetId(), "10.0.1.10"));
            assertThat(outside.code()).isEqualTo("InvalidParameterValue");
            assertThat(outside.getMessage()).isEqualTo("Address 10.0.1.10 does not fall within the subnet's address range");
            assertThat(code(() -> SubnetAddresses.allocate(tx, subnet.subnetId(), "10.0.0.1"))).isEqualTo("InvalidParameterValue");
            assertThat(code(() -> SubnetAddresses.allocate(tx, subnet.subnetId(), "10.0.0.15"))).isEqualTo("InvalidParameterValue");
            assertThat(code(() -> SubnetAddresses.allocate(tx, subnet.subnetId(), "banana"))).isEqualTo("InvalidParameterValue");
        });
    }

    @Test
    void aFullSubnetRefuses() {
        inTx(tx -> {
            for (int i = 0; i < 11; i++) {
                SubnetAddresses.allocate(tx, subnet.subnetId(), null);
            }
            assertThat(SubnetAddresses.availableCount(tx, subnet)).isZero();
            assertThat(code(() -> SubnetAddresses.allocate(tx, subnet.subnetId(), null))).isEqualTo("InsufficientFreeAddressesInSubnet");
        });
    }

    @Test
    void unknownSubnet() {
        inTx(tx -> {
            assertThat(code(() -> SubnetAddresses.allocate(tx, "subnet-0123456789abcdef0", null))).isEqualTo("InvalidSubnetID.NotFound");
        });
    }
}
