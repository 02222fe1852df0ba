package net.wagw.store;

/** The stored form of a known contact, mapped by a static schema (no reflection, for native). */
public final class ContactItem {
    private String pk;
    private String waId;
    private String fullName;
    private Long learnedAt;
    private String bsuid;
    private String parentId;
    private String username;
    private String canonical;

    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    public String getWaId() {
        return waId;
    }

    public void setWaId(String waId) {
        this.waId = waId;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public Long getLearnedAt() {
        return learnedAt;
    }

    public void setLearnedAt(Long learnedAt) {
        this.learnedAt = learnedAt;
    }

    public String getBsuid() {
        return bsuid;
    }

    public void setBsuid(String bsuid) {
        this.bsuid = bsuid;
    }

    public String getParentId() {
        return parentId;
    }

    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getCanonical() {
        return canonical;
    }

    public void setCanonical(String canonical) {
        this.canonical = canonical;
    }
}
