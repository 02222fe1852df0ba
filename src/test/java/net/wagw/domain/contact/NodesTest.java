package net.wagw.domain.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/contracts.md §3.1, §3.2: a group named by its id or by its identity is the same group. */
class NodesTest {
    private final Nodes nodes = new Nodes("wa.gw.msging.net");

    @Test
    void aGroupsIdentityNamesItsId() {
        assertThat(nodes.groupId("g-1234@groups.wa.gw.msging.net")).isEqualTo("g-1234");
        assertThat(nodes.groupId("g-1234@groups.wa.gw.msging.net/instance")).isEqualTo("g-1234");
        assertThat(nodes.groupId("g-1234@Groups.WA.gw.msging.net")).isEqualTo("g-1234");
    }

    @Test
    void aBareIdOrAnotherDomainIsLeftAsItIs() {
        assertThat(nodes.groupId("g-1234")).isEqualTo("g-1234");
        assertThat(nodes.groupId("g-1234@groups.other.net")).isEqualTo("g-1234@groups.other.net");
    }
}
