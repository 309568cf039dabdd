// Hand-written reference for the DrainSequencer unit without a factor FIFO (hdl/accel
// defernorm.accel.units.DrainSequencer, as the matmul-only and standard tops build it): reads a landed token's G
// groups on consecutive enabled edges, tokens in order, the first group on the edge its accumulators land (or
// later); drain bank t mod 2 for token t.
`timescale 1ns/1ps
`default_nettype none
module DrainSequencer #(
    parameter G = 8,
    parameter GB = $clog2(G)
) (
    input wire clk,
    input wire rst,
    input wire en,
    input wire land,               // a token's accumulators moved into a drain bank
    output wire start,             // the drain of a token starts (its first group is read)
    output wire issue,             // a group is read
    output wire last,              // ... the token's last
    output reg bank,
    output reg [GB-1:0] group
);
    localparam [GB-1:0] LAST_GROUP = G[GB-1:0] - 1'b1;

    reg [1:0] landed;   // tokens landed whose drain has not started
    reg busy;           // groups of the started token are left

    assign start = (land || landed != 2'd0) && !busy;
    assign issue = start || busy;
    assign last = issue && group == LAST_GROUP;

    always @(posedge clk) begin
        if (rst) begin
            landed <= 2'd0;
            busy <= 1'b0;
            group <= {GB{1'b0}};
            bank <= 1'b0;
        end else if (en) begin
            if (land != start) landed <= land ? landed + 2'd1 : landed - 2'd1;
            busy <= issue && group != LAST_GROUP;
            if (issue) group <= group == LAST_GROUP ? {GB{1'b0}} : group + 1'b1;
            if (last) bank <= !bank;
        end
    end
endmodule
`default_nettype wire
