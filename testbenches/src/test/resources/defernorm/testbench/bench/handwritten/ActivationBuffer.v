// Hand-written reference for the ActivationBuffer unit (hdl/accel defernorm.accel.units.ActivationBuffer,
// docs/microarchitecture.md "One front for every variant"), without the standard variants' factor wait: two
// banks of NB words (token t in bank t mod 2), the ingest's bank rule, the write port and the one reader (at
// most one read every G enabled edges, each after its word was written; a token's last read only while its
// drain bank is not reserved). NB must be a power of two (word address = {bank, beat}).
`timescale 1ns/1ps
`default_nettype none
module ActivationBuffer #(
    parameter NB = 8,    // words per token (per bank)
    parameter G = 8,     // enabled edges between two reads at least
    parameter W = 64     // bits per word
) (
    input wire clk,
    input wire rst,
    input wire en,
    input wire in_accept,        // the input handshake, and the token's last beat
    input wire in_last,
    output wire in_ready,        // not gated by en
    input wire wr_valid,         // the write port
    input wire wr_last,
    input wire [W-1:0] wr_data,
    input wire drain_start,      // the drain of a token started: frees its drain bank
    output reg rd_valid,         // the buffer read register
    output reg rd_last,
    output reg [W-1:0] rd_data,
    output reg rd_bank
);
    localparam BB = $clog2(NB);
    localparam SB = $clog2(G + 1);
    localparam CB = $clog2(2 * NB + 1);
    localparam [BB-1:0] LAST_BEAT = NB[BB-1:0] - 1'b1;
    localparam [SB-1:0] PACE = G;

    reg [W-1:0] act_buf [0:2*NB-1];
    reg in_bank, in_first;              // the receiving bank; the next accepted beat opens a token
    reg bank0_full, bank1_full;         // from a token's first handshake to its last read
    reg wr_bank;
    reg [BB-1:0] wr_beat;
    reg rd_bank_next;
    reg [BB-1:0] rd_beat_next;
    reg [CB-1:0] words_ready;           // written and not yet read
    reg [SB-1:0] rd_since;              // enabled edges since the last read, saturating at G
    reg drain_taken;                    // the drain bank the next drain start frees
    reg drain0_busy, drain1_busy;       // reserved from a token's last read until its drain starts

    assign in_ready = !in_first || !(in_bank ? bank1_full : bank0_full);
    wire rd_at_last = rd_beat_next == LAST_BEAT;
    wire rd_issue = words_ready != 0 && rd_since == PACE
            && (!rd_at_last || !(rd_bank_next ? drain1_busy : drain0_busy));
    wire rd_issue_last = rd_issue && rd_at_last;
    wire opens = in_accept && in_first;

    always @(posedge clk) begin
        if (rst) begin
            in_bank <= 1'b0;
            in_first <= 1'b1;
            bank0_full <= 1'b0;
            bank1_full <= 1'b0;
            wr_bank <= 1'b0;
            wr_beat <= {BB{1'b0}};
            rd_bank_next <= 1'b0;
            rd_beat_next <= {BB{1'b0}};
            words_ready <= {CB{1'b0}};
            rd_since <= PACE;
            drain_taken <= 1'b0;
            drain0_busy <= 1'b0;
            drain1_busy <= 1'b0;
            rd_valid <= 1'b0;
            rd_last <= 1'b0;
            rd_bank <= 1'b0;
        end else if (en) begin
            if (in_accept) begin
                in_first <= in_last;
                if (in_last) in_bank <= !in_bank;
            end
            if (wr_valid) begin
                wr_beat <= wr_last ? {BB{1'b0}} : wr_beat + 1'b1;
                if (wr_last) wr_bank <= !wr_bank;
            end
            if (rd_issue) begin
                rd_beat_next <= rd_at_last ? {BB{1'b0}} : rd_beat_next + 1'b1;
                if (rd_at_last) rd_bank_next <= !rd_bank_next;
                rd_since <= {{(SB-1){1'b0}}, 1'b1};
                rd_bank <= rd_bank_next;
            end else if (rd_since != PACE) begin
                rd_since <= rd_since + 1'b1;
            end
            if (wr_valid != rd_issue) words_ready <= wr_valid ? words_ready + 1'b1 : words_ready - 1'b1;
            if (drain_start) drain_taken <= !drain_taken;
            if (rd_issue_last && !rd_bank_next) begin
                drain0_busy <= 1'b1;
                bank0_full <= 1'b0;
            end else begin
                if (drain_start && !drain_taken) drain0_busy <= 1'b0;
                if (opens && !in_bank) bank0_full <= 1'b1;
            end
            if (rd_issue_last && rd_bank_next) begin
                drain1_busy <= 1'b1;
                bank1_full <= 1'b0;
            end else begin
                if (drain_start && drain_taken) drain1_busy <= 1'b0;
                if (opens && in_bank) bank1_full <= 1'b1;
            end
            rd_valid <= rd_issue;
            rd_last <= rd_issue_last;
        end
    end

    always @(posedge clk) begin
        if (en && wr_valid) act_buf[{wr_bank, wr_beat}] <= wr_data;
        if (en && rd_issue) rd_data <= act_buf[{rd_bank_next, rd_beat_next}];
    end
endmodule
`default_nettype wire
