/** The {@code demo} command's scenario: SessionGrid's main job on an embedded default, narrated. */
package io.sessiongrid.node.demo;
