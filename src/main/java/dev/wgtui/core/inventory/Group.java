package dev.wgtui.core.inventory;

import java.util.Map;
import java.util.Set;

/**
 * One group as the inventory file declares it: where it sits in the tree, the hosts named in it
 * directly, and the variables the file gives it. {@code depth} is the longest path from
 * {@code all}; {@code priority} is {@code ansible_group_priority} (default 1).
 */
record Group(String name, Set<String> parents, Set<String> children, Set<String> hosts,
             Map<String, Object> vars, int depth, int priority) {
}
